using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Rendering;
using AngleSharp.Html.Parser;

namespace AgencyWorkroom.Tests.Web.Rendering;

/// <summary>The one pipeline from user text to markup: nothing in the XSS corpus can run, and ordinary Markdown survives.</summary>
public sealed class SafeMarkdownTests
{
    public static TheoryData<string> Payloads() => new(XssCorpus.Payloads);

    [Theory]
    [MemberData(nameof(Payloads))]
    public void ToHtml_XssCorpus_NothingCanRun(string payload)
    {
        RunReport.Add(RunReport.BadInputs, 2, "XSS payloads rendered through SafeMarkdown (bare and inside Markdown)");
        Harmless.Assert(SafeMarkdown.ToHtml(payload));
        Harmless.Assert(SafeMarkdown.ToHtml($"# Title\n\nSome text {payload} and more.\n\n> {payload}\n"));
    }

    [Fact]
    public void ToHtml_OrdinaryMarkdown_Survives()
    {
        var html = SafeMarkdown.ToHtml(
            """
            # Brief

            **Bold**, *italic*, ~~struck~~ and a [link](https://example.com/a?b=1) to <mailto:team@example.com>.

            | Channel | Reach |
            | --- | --- |
            | print | 1,980,000 |

            - [x] done
            - [ ] to do

            ![board](/attachments/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b)
            """);

        Assert.Contains("<h1", html);
        Assert.Contains("<strong>Bold</strong>", html);
        Assert.Contains("<del>struck</del>", html);
        Assert.Contains("href=\"https://example.com/a?b=1\"", html);
        Assert.Contains("href=\"mailto:team@example.com\"", html);
        Assert.Contains("<table>", html);
        Assert.Contains("<td>print</td>", html);
        Assert.Contains("type=\"checkbox\"", html);
        // Each box is named for a screen reader (axe's "label" rule), by its state.
        Assert.Matches("<input[^>]*checked[^>]*aria-label=\"Done:\"|<input[^>]*aria-label=\"Done:\"[^>]*checked", html);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(html, "aria-label=\"(Done|To do):\""));
        Assert.Contains("<img src=\"/attachments/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\" alt=\"board\">", html);
    }

    [Theory]
    [InlineData("![board](/attachments/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b)", "/attachments/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")]
    [InlineData("![web](https://example.com/a.png)", "https://example.com/a.png")]
    [InlineData("![x](/attachments/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/../../export/artifacts.csv)", null)]
    [InlineData("![x](/attachments/3f1c.png)", null)]
    [InlineData("![x](/export/artifacts.csv)", null)]
    [InlineData("![x](/Account/Logout)", null)]
    [InlineData("![x](mailto:a@b.c)", null)]
    [InlineData("![x](data:image/png;base64,iVBORw0KGgo=)", null)]
    [InlineData("![x](//evil.example/a.png)", null)]
    public void ToHtml_Images_OnlyFromTheWebOrExactlyAnAttachment(string markdown, string? src)
    {
        var html = SafeMarkdown.ToHtml($"Before {markdown} after");

        if (src is null)
        {
            Assert.DoesNotContain("<img", html);
            Assert.Contains("Before x after", html);
        }
        else
        {
            Assert.Contains($"<img src=\"{src}\"", html);
        }
    }

    [Theory]
    [InlineData("https://example.com", true)]
    [InlineData("mailto:a@b.c", true)]
    [InlineData("/artifacts/1", true)]
    [InlineData("#section", true)]
    [InlineData("//evil.example/x", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("ftp://example.com", false)]
    [InlineData("relative/path", false)]
    public void IsAllowed_OnlyWebMailAndThisSite(string url, bool allowed) => Assert.Equal(allowed, SafeMarkdown.IsAllowed(url));
}

/// <summary>What harmless markup is: no element that runs or loads script, no handler, no style, no address outside http, https, mailto and this site.</summary>
public static class Harmless
{
    private static readonly string[] Forbidden = ["script", "iframe", "object", "embed", "svg", "math", "style", "form", "button", "meta", "base", "link"];

    public static void Assert(string html)
    {
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Xunit.Assert.DoesNotContain(element.LocalName, Forbidden);
            foreach (var attribute in element.Attributes)
            {
                Xunit.Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name} on <{element.LocalName}> in {html}");
                Xunit.Assert.NotEqual("style", attribute.Name);
                if (attribute.Name == "src" && element.LocalName == "img")
                {
                    Xunit.Assert.True(SafeMarkdown.IsAllowedImage(attribute.Value), $"img src={attribute.Value} in {html}");
                }
                else if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href" or "data")
                {
                    Xunit.Assert.True(SafeMarkdown.IsAllowed(attribute.Value), $"{attribute.Name}={attribute.Value} in {html}");
                }
            }

            if (element.LocalName == "input")
            {
                Xunit.Assert.Equal("checkbox", element.GetAttribute("type"));
            }
        }
    }

}
