using AgencyWorkroom.Data.Features.Artifacts;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Tests.Web.Rendering;
using AgencyWorkroom.Web.Components.Pages.Artifacts;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AgencyWorkroom.Tests.Components.Pages.Artifacts;

/// <summary>The comments panel: the XSS corpus through comment text and quotes runs nothing; threads, the open-only filter, resolve.</summary>
public sealed class ArtifactCommentsTests : ComponentTestContext
{
    public static TheoryData<string> Payloads() => new(XssCorpus.Payloads);

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Render_XssInCommentsRepliesAndQuotes_NothingCanRun(string payload)
    {
        var root = Comment(payload, quote: payload, found: true);
        var panel = Show(new FakeArtifactReview([new CommentThreadDto(root, [Comment($"> {payload}\n\n{payload}", parent: root.Id)])]));

        // Every comment's text (the thread's and the reply's), and the quote around it.
        var texts = panel.FindAll("[data-testid=comment-text]");
        Assert.Equal(2, texts.Count);
        Assert.All(texts, t => Harmless.Assert(t.InnerHtml));
        Harmless.Assert(panel.Find("[data-testid=comment-quote-text]").InnerHtml);
        // The quote is text: it reads as typed.
        Assert.Equal(payload.Trim(), panel.Find("[data-testid=comment-quote-text] mark").TextContent.Trim());
    }

    [Fact]
    public void Render_Markdown_InACommentKeepsItsStructure()
    {
        var panel = Show(new FakeArtifactReview([new CommentThreadDto(Comment("Use **bold** and [a link](https://example.com)"), [])]));

        Assert.Equal("bold", panel.Find("[data-testid=comment-text] strong").TextContent);
        Assert.Equal("https://example.com", panel.Find("[data-testid=comment-text] a").GetAttribute("href"));
    }

    [Fact]
    public void OpenOnly_HidesResolvedThreads_AndResolveCallsTheService()
    {
        var open = Comment("Still open");
        var fake = new FakeArtifactReview([new CommentThreadDto(open, []), new CommentThreadDto(Comment("Done", resolved: true), [])]);
        var panel = Show(fake);
        Assert.Equal(2, panel.FindAll("[data-testid=comment-thread]").Count);

        panel.Find("input[data-testid=comments-open-only], [data-testid=comments-open-only] input").Change(true);
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid=comment-thread]")));

        panel.Find("[data-testid=comment-resolve]").Click();
        panel.WaitForAssertion(() => Assert.Contains($"resolve {open.Id} True", fake.Calls));
    }

    [Fact]
    public void Quote_NoLongerInTheText_IsShownAsSuch()
    {
        var panel = Show(new FakeArtifactReview([new CommentThreadDto(Comment("Hm", quote: "old words", found: false), [])]));

        var quote = panel.Find("[data-testid=comment-quote-text]");
        Assert.Equal("false", quote.GetAttribute("data-found"));
        Assert.Empty(quote.QuerySelectorAll("mark"));
        Assert.Contains("no longer in the text", quote.TextContent);
    }

    private IRenderedComponent<ArtifactComments> Show(FakeArtifactReview fake)
    {
        Services.AddSingleton<IArtifactReviewQueries>(fake);
        Services.AddSingleton<IArtifactReviewCommands>(fake);
        return Render<ArtifactComments>(p => p.Add(x => x.ArtifactId, Guid.NewGuid()));
    }

    private static ArtifactCommentRow Comment(string body, string? quote = null, bool found = false, bool resolved = false, Guid? parent = null) => new()
    {
        Id = Guid.NewGuid(),
        ParentCommentId = parent,
        AuthorName = "creative person",
        Body = body,
        QuoteText = quote,
        QuoteFound = found,
        Resolved = resolved,
        CreatedAt = DateTimeOffset.UtcNow,
    };
}
