using AgencyWorkroom.Tests.Data.DemoData;
using AgencyWorkroom.Web.Extensions;

namespace AgencyWorkroom.Tests.Web.Extensions;

/// <summary>The <c>seed</c> verb as a person runs it; the demo data is already seeded by the collection.</summary>
[Collection(DemoDataCollection.Name)]
public sealed class SeedCommandTests
{
    [Theory]
    [InlineData("--scale")]
    [InlineData("--scale", "zero")]
    [InlineData("--scale", "0")]
    [InlineData("--sacle", "2")]
    public async Task RunAsync_BadArguments_OneLineToStandardErrorAndExitCodeOne(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(1, code);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("seed: ", line, StringComparison.Ordinal);
        Assert.Contains("usage: seed [--scale N] [--if-missing]", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_IfMissingWhenSeeded_LeavesTheDataAndSaysSo()
    {
        var (code, output, error) = await RunAsync("--if-missing");

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("already loaded", output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await SeedCommand.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
