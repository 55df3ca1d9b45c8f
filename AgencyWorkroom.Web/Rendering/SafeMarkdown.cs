using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Components;

namespace AgencyWorkroom.Web.Rendering;

/// <summary>
/// The one way user text becomes markup (artifacts, and later comments and answers): Markdig with
/// raw HTML disabled, every link and image whose scheme is not http, https or mailto (or a path
/// of this site) turned to plain text, and the HTML then passed through HtmlSanitizer before it
/// becomes a <see cref="MarkupString"/>. Markdig alone is not a sanitizer (a <c>javascript:</c>
/// link got through <c>DisableHtml</c> alone in another project), so both run, always.
/// </summary>
public static partial class SafeMarkdown
{
    private static readonly string[] Schemes = ["http", "https", "mailto"];

    /// <summary>
    /// CommonMark with what the editor writes: pipe tables, task lists, strikethrough, autolinks.
    /// Deliberately not the generic-attributes extension (it lets text add attributes).
    /// </summary>
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseTaskLists()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>The Markdown as sanitized HTML, ready for the page.</summary>
    public static MarkupString Render(string? markdown) => new(ToHtml(markdown));

    /// <summary>The Markdown as sanitized HTML.</summary>
    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!(link.IsImage ? IsAllowedImage(link.Url) : IsAllowed(link.Url)))
            {
                Unlink(link);
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsAllowed(autolink.Url) && !autolink.IsEmail)
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }

        return Sanitizer.Sanitize(document.ToHtml(Pipeline));
    }

    /// <summary>Whether a link or image may point there: http, https, mailto, or a path or anchor of this site.</summary>
    public static bool IsAllowed(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        var trimmed = url.Trim();
        // "/x" and "#x" stay on this site; "//host" is another site, by whatever scheme the page has.
        if ((trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal) && !trimmed.StartsWith("/\\", StringComparison.Ordinal))
            || trimmed.StartsWith('#'))
        {
            return true;
        }

        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && Schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether an image may be shown from there: http or https, or exactly an attachment of this site,
    /// <c>/attachments/{id}</c> (053): no other path of the site, no data: or mailto: image.
    /// </summary>
    public static bool IsAllowedImage(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        var trimmed = url.Trim();
        if (trimmed.StartsWith('/'))
        {
            return AttachmentPath().IsMatch(trimmed);
        }

        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
    }

    [System.Text.RegularExpressions.GeneratedRegex("^/attachments/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial System.Text.RegularExpressions.Regex AttachmentPath();

    // A link keeps its text; an image keeps its description; neither keeps the address.
    private static void Unlink(LinkInline link)
    {
        var container = new ContainerInline();
        while (link.FirstChild is { } child)
        {
            child.Remove();
            container.AppendChild(child);
        }

        link.ReplaceBy(container);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in Schemes)
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }

        // Task lists are disabled checkboxes; nothing else of a form survives.
        sanitizer.AllowedTags.Add("input");
        sanitizer.AllowedAttributes.Add("checked");
        sanitizer.AllowedAttributes.Add("disabled");
        sanitizer.AllowedAttributes.Add("type");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not AngleSharp.Dom.IElement { LocalName: "input" } input)
            {
                return;
            }

            if (!string.Equals(input.GetAttribute("type"), "checkbox", StringComparison.OrdinalIgnoreCase))
            {
                input.Remove();
            }
            else
            {
                // A screen reader says what the box means; the item's text follows it.
                input.SetAttribute("aria-label", input.HasAttribute("checked") ? "Done:" : "To do:");
            }
        };
        foreach (var tag in new[] { "form", "button", "select", "textarea", "option", "svg", "math", "iframe", "object", "embed", "style" })
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        return sanitizer;
    }
}
