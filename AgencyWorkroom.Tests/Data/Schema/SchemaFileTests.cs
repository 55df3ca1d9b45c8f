using System.Globalization;
using AgencyWorkroom.Tests.Infrastructure;
using Npgsql;

namespace AgencyWorkroom.Tests.Data.Schema;

/// <summary>docs/schema.sql, the live schema in one file, is what the migrations make today.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class SchemaFileTests(TwoTenantWorld world)
{
    [Fact]
    public async Task SchemaFile_AgainstTheMigratedTestDatabase_IsTheSame()
    {
        // The script's own dump and normalising, so that the rules for the file exist once.
        var owner = new NpgsqlConnectionStringBuilder(world.Database.OwnerConnectionString);
        var dump = await WorkroomScript.CallAsync("schema_dump",
            [owner.Host!, owner.Port.ToString(CultureInfo.InvariantCulture), owner.Database!, owner.Username!],
            new Dictionary<string, string> { ["PGPASSWORD"] = owner.Password ?? "" });
        Assert.True(dump.ExitCode == 0, $"schema_dump failed: {dump.Error}");

        var committed = await File.ReadAllLinesAsync(Path.Combine(WorkroomScript.RepositoryRoot, "docs", "schema.sql"));
        var migrated = dump.Output.Split('\n')[..^1];

        var line = Enumerable.Range(0, Math.Max(committed.Length, migrated.Length))
            .FirstOrDefault(i => i >= committed.Length || i >= migrated.Length || committed[i] != migrated[i], -1);
        if (line >= 0)
        {
            Assert.Fail($"""
                docs/schema.sql is stale: run ./workroom db schema and commit the file.
                First difference at line {line + 1}:
                  docs/schema.sql: {(line < committed.Length ? committed[line] : "(ends)")}
                  migrated:        {(line < migrated.Length ? migrated[line] : "(ends)")}
                """);
        }
    }
}
