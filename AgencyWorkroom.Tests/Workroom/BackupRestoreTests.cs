using AgencyWorkroom.Tests.Data.Security;
using AgencyWorkroom.Tests.Infrastructure;
using Npgsql;

namespace AgencyWorkroom.Tests.Workroom;

/// <summary>
/// <c>./workroom backup</c> and <c>./workroom restore</c> on the migrated test database with the
/// two tenants in it: every table comes back with the same rows (count and checksum per table),
/// the isolation battery passes on the copy, and a database that holds tables is not overwritten
/// without --force.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class BackupRestoreTests(TwoTenantWorld world) : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("workroom-backup-");

    // Matches the script's pattern for a stale scratch database, so a killed run's copy is dropped by the next.
    private readonly string _restored = $"workroom_test_restore_{Environment.ProcessId}";

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task Backup_RestoredIntoAFreshDatabase_HasEveryRowOfEveryTable()
    {
        var source = new NpgsqlConnectionStringBuilder(world.Database.OwnerConnectionString).Database!;
        var file = Path.Combine(_scratch.FullName, "workroom.dump");
        try
        {
            // Other test classes write to the same database: a backup counts when nothing changed while it ran.
            string before = "", after = "";
            for (var attempt = 0; attempt < 5 && (attempt == 0 || before != after); attempt++)
            {
                before = await ChecksumsAsync(source);
                var backup = await WorkroomScript.RunAsync(["backup", file, "--database", source]);
                Assert.True(backup.ExitCode == 0, $"backup failed: {backup.Error}");
                after = await ChecksumsAsync(source);
            }

            Assert.Equal(before, after);
            Assert.Contains("agency.campaigns ", before);
            Assert.Contains("identity.users ", before);
            Assert.DoesNotContain("agency.campaigns 0 ", before);

            var restore = await WorkroomScript.RunAsync(["restore", file, "--database", _restored]);
            Assert.True(restore.ExitCode == 0, $"restore failed: {restore.Error}");
            var restored = await ChecksumsAsync(_restored);
            var (compared, lost) = RowsLost(before, restored);
            RunReport.Add(RunReport.RowsCompared, compared, "rows compared after a backup was restored");
            RunReport.Add(RunReport.RowsLost, lost, "rows missing or changed after a backup was restored");
            Assert.Equal(before, restored);

            // The copy keeps the tenants apart as the original does: the isolation battery, run on it.
            await using (var copy = TestDatabase.MaintenanceOn(_restored))
            {
                var battery = await IsolationBatteryTests.RunAsync(copy, world);
                Assert.True(battery.Cases > 500 && battery.Leaks.Count == 0,
                    "on the restored copy: " + battery.Summary + "\n" + string.Join("\n", battery.Leaks));
            }

            // Not into a database with tables, unless told to.
            var refused = await WorkroomScript.RunAsync(["restore", file, "--database", _restored]);
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("not empty", refused.Error);
            var forced = await WorkroomScript.RunAsync(["restore", file, "--database", _restored, "--force"]);
            Assert.True(forced.ExitCode == 0, $"forced restore failed: {forced.Error}");
            Assert.Equal(before, await ChecksumsAsync(_restored));
        }
        finally
        {
            await WorkroomScript.CallAsync("resolve_pg_data && drop_database", [_restored]);
        }
    }

    /// <summary>
    /// Rows of the source (count per table) and how many of them the copy lacks: the count missing,
    /// or every row of a table whose checksum differs (which rows changed is not known from a hash).
    /// </summary>
    private static (long Compared, long Lost) RowsLost(string source, string copy)
    {
        static Dictionary<string, (long Rows, string Md5)> Parse(string text) => text
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' '))
            .ToDictionary(f => f[0], f => (long.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture), f.Length > 2 ? f[2] : ""));

        var (from, to) = (Parse(source), Parse(copy));
        long lost = 0;
        foreach (var (table, (rows, md5)) in from)
        {
            lost += !to.TryGetValue(table, out var restored) ? rows
                : restored.Md5 != md5 ? Math.Max(rows, 1)
                : 0;
        }

        return (from.Values.Sum(t => t.Rows), lost);
    }

    private static async Task<string> ChecksumsAsync(string database)
    {
        var result = await WorkroomScript.CallAsync("table_checksums", [database]);
        Assert.True(result.ExitCode == 0, $"table_checksums {database} failed: {result.Error}");
        return result.Output;
    }
}
