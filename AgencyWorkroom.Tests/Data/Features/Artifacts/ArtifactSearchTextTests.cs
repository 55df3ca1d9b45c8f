using AgencyWorkroom.Data.Features.Artifacts;

namespace AgencyWorkroom.Tests.Data.Features.Artifacts;

public sealed class ArtifactSearchTextTests
{
    [Theory]
    [InlineData("bri", "bri:*")]
    [InlineData("  Harbour   LAUNCH ", "harbour:* & launch:*")]
    [InlineData("it's a 'quote' & !not | (x:*)", "it:* & s:* & a:* & quote:* & not:* & x:*")]
    [InlineData("%% -- !!", null)]
    [InlineData("", null)]
    public void PrefixSearch_KeepsOnlyWords(string text, string? expected) => Assert.Equal(expected, PrefixSearch.ToTsQuery(text));

    [Fact]
    public void Snippet_Parts_SplitAtTheMarks()
    {
        var parts = ArtifactSnippet.Parts($"the {ArtifactSnippet.MarkStart}harbour{ArtifactSnippet.MarkEnd} at <b>dawn</b>");

        Assert.Equal([("the ", false), ("harbour", true), (" at <b>dawn</b>", false)], parts);
    }
}
