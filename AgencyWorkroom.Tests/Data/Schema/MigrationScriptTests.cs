using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using AgencyWorkroom.Data.Schema;

namespace AgencyWorkroom.Tests.Data.Schema;

// No database here: these check how the scripts are named, ordered and checksummed.
public sealed class MigrationScriptTests
{
    [Fact]
    public void FromFile_NumberedName_ReadsVersionAndName()
    {
        var script = MigrationScript.FromFile("003_agency_timesheets.sql", "select 1;");

        Assert.Equal(3, script.Version);
        Assert.Equal("agency_timesheets", script.Name);
        Assert.Equal("003_agency_timesheets.sql", script.FileName);
    }

    [Theory]
    [InlineData("agency_timesheets.sql")]
    [InlineData("003-agency-timesheets.sql")]
    [InlineData("003_agency_timesheets.txt")]
    public void FromFile_NameWithoutNumber_Throws(string fileName)
    {
        var error = Assert.Throws<ArgumentException>(() => MigrationScript.FromFile(fileName, "select 1;"));

        Assert.Contains(fileName, error.Message);
    }

    [Fact]
    public void Checksum_EditedSql_Differs()
    {
        var script = MigrationScript.FromFile("001_core.sql", "create table a (id int);");

        Assert.NotEqual(script.Checksum, (script with { Sql = "create table a (id bigint);" }).Checksum);
    }

    [Fact]
    public void Constructor_DuplicateVersion_Throws()
    {
        MigrationScript[] scripts = [new(1, "core", "select 1;"), new(1, "other", "select 2;")];

        var error = Assert.Throws<ArgumentException>(() => new SchemaMigrator(scripts));

        Assert.Contains("001_core.sql", error.Message);
        Assert.Contains("001_other.sql", error.Message);
    }

    [Fact]
    public void Constructor_UnorderedScripts_OrdersByVersion()
    {
        MigrationScript[] scripts = [new(2, "second", "select 2;"), new(1, "first", "select 1;")];

        var migrator = new SchemaMigrator(scripts);

        Assert.Equal([1, 2], migrator.Scripts.Select(s => s.Version));
        Assert.Equal(2, migrator.ExpectedLevel);
    }

    // "Level N" on the home page means "N of M applied" only while the versions run 1..M.
    [Fact]
    public void LoadEmbeddedScripts_Always_NumberedFromOneWithoutGaps()
    {
        var versions = new SchemaMigrator().Scripts.Select(s => s.Version).ToList();

        Assert.NotEmpty(versions);
        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
    }

    [Fact]
    public void LoadEmbeddedScripts_Always_ChecksumIsSha256OfTheFile()
    {
        var schemaFolder = Path.Combine(RepositoryRoot(), "AgencyWorkroom.Data", "Schema");

        foreach (var script in SchemaMigrator.LoadEmbeddedScripts())
        {
            var fileBytes = File.ReadAllBytes(Path.Combine(schemaFolder, script.FileName));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(fileBytes)), script.Checksum);
        }
    }

    // The tests are built from the same checkout, so this file's compile-time path locates it.
    private static string RepositoryRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}
