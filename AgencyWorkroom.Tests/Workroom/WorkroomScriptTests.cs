using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Workroom;

/// <summary>The workroom script's own rules, on cases that touch neither the cluster nor apt.</summary>
public sealed class WorkroomScriptTests : IDisposable
{
    private const string MirrorMissing = "cannot find a Debian mirror";

    private const string NodeSource = """
        Types: deb
        URIs: https://deb.nodesource.com/node_20.x
        Suites: nodistro
        Components: main

        """;

    private const string DebianSecurity = """
        Types: deb
        URIs: http://deb.debian.org/debian-security
        Suites: bookworm-security
        Components: main

        """;

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("workroom-script-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task Script_BashNoExec_Parses()
    {
        var parsed = await WorkroomScript.BashAsync(["-n", "workroom"]);

        Assert.True(parsed.ExitCode == 0, parsed.Error);
    }

    [Theory]
    [InlineData("workroom")]
    [InlineData("postgres")]
    [InlineData("workroom_test_")]
    [InlineData("workroom_test_a-b")]
    [InlineData("workroom_test_x; drop database workroom")]
    public async Task Test_NotATestDatabaseName_RefusesBeforeAnyStep(string name)
    {
        // Should the check ever come after the cluster steps, a data folder under a plain file
        // makes them fail at once instead of making a cluster; the missing "==>" lines show it.
        var file = Path.Combine(_scratch.FullName, "file");
        await File.WriteAllTextAsync(file, "");

        var run = await WorkroomScript.RunAsync(["test"], new Dictionary<string, string>
        {
            ["WORKROOM_TEST_DB"] = name,
            ["WORKROOM_PG_DATA"] = Path.Combine(file, "pg"),
            ["WORKROOM_PG_PORT"] = "1",
        });

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"refusing to use '{name}' as the test database", run.Error);
        Assert.DoesNotContain("==>", run.Output);
    }

    [Fact]
    public async Task RequireTestDatabase_TestDatabaseName_Passes()
    {
        var check = await WorkroomScript.CallAsync("require_test_database", [],
            new Dictionary<string, string> { ["WORKROOM_TEST_DB"] = "workroom_test_mine_2" });

        Assert.True(check.ExitCode == 0, check.Error);
    }

    [Fact]
    public async Task DebianMirror_OnlyThirdPartyAndSecuritySources_DiesWithMessage()
    {
        await SourceFileAsync("sources.list.d/nodesource.sources", NodeSource + DebianSecurity);
        await SourceFileAsync("sources.list.d/google.list", "deb [signed-by=/k.gpg] https://packages.cloud.google.com/apt cloud-sdk-bookworm main\n");

        var lookup = await MirrorAsync();

        Assert.Equal(1, lookup.ExitCode);
        Assert.Contains(MirrorMissing, lookup.Error);
        Assert.Equal("", lookup.Output);
    }

    [Fact]
    public async Task DebianMirror_NoSourcesAtAll_DiesWithMessage()
    {
        var lookup = await MirrorAsync();

        Assert.Equal(1, lookup.ExitCode);
        Assert.Contains(MirrorMissing, lookup.Error);
    }

    [Fact]
    public async Task DebianMirror_ThirdPartyStanzasFirst_ReturnsTheDebianRelease()
    {
        await SourceFileAsync("sources.list.d/a-nodesource.sources", NodeSource + DebianSecurity + """
            Types: deb
            URIs: http://mirror.example/debian
            Suites: trixie
            Enabled: no

            """);
        await SourceFileAsync("sources.list.d/debian.sources", DebianSecurity + """
            Types: deb
            # a comment between the fields
            URIs: http://ftp.fr.debian.org/debian
            Suites: bookworm bookworm-updates
            Components: main
            """);

        var lookup = await MirrorAsync();

        Assert.True(lookup.ExitCode == 0, lookup.Error);
        Assert.Equal("http://ftp.fr.debian.org/debian\n", lookup.Output);
    }

    [Fact]
    public async Task DebianMirror_OneLineSourcesOnly_ReturnsTheDebianRelease()
    {
        await SourceFileAsync("sources.list", """
            deb https://packages.cloud.google.com/apt cloud-sdk-bookworm main
            deb http://security.debian.org/debian-security bookworm-security main
            deb-src http://src.example/debian bookworm main
            deb [arch=amd64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://ftp.de.debian.org/debian bookworm main

            """);

        var lookup = await MirrorAsync();

        Assert.True(lookup.ExitCode == 0, lookup.Error);
        Assert.Equal("http://ftp.de.debian.org/debian\n", lookup.Output);
    }

    private async Task SourceFileAsync(string relativePath, string text)
    {
        var path = Path.Combine(_scratch.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, text);
    }

    private Task<ScriptResult> MirrorAsync() =>
        WorkroomScript.CallAsync("debian_mirror", [], new Dictionary<string, string> { ["WORKROOM_APT_SOURCES_DIR"] = _scratch.FullName });
}
