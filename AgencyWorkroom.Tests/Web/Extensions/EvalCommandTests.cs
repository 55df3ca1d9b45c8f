using AgencyWorkroom.Web.Extensions;

namespace AgencyWorkroom.Tests.Web.Extensions;

/// <summary>The <c>eval</c> verb's arguments; the evaluation itself is AssistantEvaluationTests'.</summary>
public sealed class EvalCommandTests
{
    [Theory]
    [InlineData("--output")]
    [InlineData("--ouput", "x")]
    [InlineData("now")]
    public async Task RunAsync_BadArguments_OneLineToStandardErrorAndExitCodeOne(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await EvalCommand.RunAsync(args, output, error);

        Assert.Equal(1, code);
        Assert.Empty(output.ToString());
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("eval: unknown argument", line, StringComparison.Ordinal);
        Assert.Contains("usage: eval [--output DIR]", line, StringComparison.Ordinal);
    }
}
