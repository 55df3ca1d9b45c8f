using System.Globalization;
using System.Net;
using AgencyWorkroom.Data.Features.Artifacts;

namespace AgencyWorkroom.Web.Rendering;

/// <summary>
/// An artifact as a file: its Markdown as stored, or a self-contained HTML page (styles inline, no
/// script, nothing fetched) that prints cleanly to PDF. The text becomes markup only through
/// <see cref="SafeMarkdown"/>; the title and facts are encoded.
/// </summary>
public static class ArtifactDocument
{
    /// <summary>The response's policy for the HTML: inline styles and this site's or web images, nothing else.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https:; base-uri 'none'; form-action 'none'";

    /// <summary>A file name from the title: letters, digits and dashes only.</summary>
    public static string FileName(ArtifactDetailDto artifact, string extension)
    {
        var slug = new string(artifact.Row.Title.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
        slug = string.Join('-', slug.Split('-', StringSplitOptions.RemoveEmptyEntries));
        return $"{(slug.Length == 0 ? "artifact" : slug[..Math.Min(slug.Length, 80)])}.{extension}";
    }

    public static string Html(ArtifactDetailDto artifact)
    {
        var a = artifact.Row;
        var facts = string.Join(" · ", new[]
        {
            ArtifactVocabulary.Label(a.ArtifactType), ArtifactVocabulary.Label(a.Status), $"{a.CampaignCode} {a.CampaignName}", a.ClientName,
            $"version {a.CurrentVersion.ToString(CultureInfo.InvariantCulture)}", $"updated {a.UpdatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
        }.Select(WebUtility.HtmlEncode));
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{WebUtility.HtmlEncode(a.Title)}}</title>
            <style>
            body { font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f1f1f; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
            h1, h2, h3 { line-height: 1.25; break-after: avoid; }
            .facts { color: #5f5f5f; font-size: 0.875rem; border-bottom: 1px solid #ddd; padding-bottom: 0.75rem; }
            table { border-collapse: collapse; margin: 1rem 0; }
            th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
            tr, img, pre, blockquote { break-inside: avoid; }
            pre { background: #f5f5f5; padding: 0.75rem; overflow-x: auto; white-space: pre-wrap; }
            blockquote { border-left: 4px solid #ccc; margin-left: 0; padding-left: 1rem; color: #444; }
            ul.contains-task-list { list-style: none; padding-left: 1rem; }
            img { max-width: 100%; }
            a { color: #1a55b0; }
            .hint { background: #eef3fb; padding: 0.5rem 0.75rem; border-radius: 4px; font-size: 0.875rem; }
            @media print { body { margin: 0; max-width: none; } .hint { display: none; } a { color: inherit; } }
            @page { margin: 2cm; }
            </style>
            </head>
            <body>
            <p class="hint">To save as PDF, print this page (Ctrl+P or ⌘P) and choose "Save as PDF".</p>
            <h1>{{WebUtility.HtmlEncode(a.Title)}}</h1>
            <p class="facts">{{facts}}</p>
            <main>
            {{SafeMarkdown.ToHtml(artifact.Content)}}
            </main>
            </body>
            </html>
            """;
    }
}
