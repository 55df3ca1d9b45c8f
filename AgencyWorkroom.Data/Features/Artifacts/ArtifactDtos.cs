using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Views;

namespace AgencyWorkroom.Data.Features.Artifacts;

/// <summary>What the artifact library can be narrowed by; every field optional.</summary>
/// <param name="Search">Full-text search over the title and content (websearch syntax: words, "a phrase", or, -word).</param>
/// <param name="UpdatedFrom">Updated on or after this day.</param>
/// <param name="UpdatedTo">Updated on or before this day.</param>
public sealed record ArtifactFilter(
    string? Search = null,
    string? Type = null,
    string? Status = null,
    Guid? ClientId = null,
    Guid? BrandId = null,
    Guid? CampaignId = null,
    Guid? OwnerId = null,
    string? Tag = null,
    DateOnly? UpdatedFrom = null,
    DateOnly? UpdatedTo = null);

/// <summary>
/// A row of the library: the view's row, and when a search is given its rank and a snippet of the
/// content around the matches. The snippet is plain text in which <see cref="ArtifactSnippet.MarkStart"/>
/// and <see cref="ArtifactSnippet.MarkEnd"/> bracket each match; screens render it as text, never as markup.
/// </summary>
public sealed class ArtifactListItem
{
    public ArtifactLibraryRow Row { get; init; } = null!;

    public float? Rank { get; init; }

    public string? Snippet { get; init; }

    /// <summary>The artifact's first image with a thumbnail (053), for the library's picture; null when it has none.</summary>
    public Guid? ThumbnailId { get; init; }

    /// <summary>The latest review step (036): submitted, approved, changes_requested, withdrawn, reopened, archived or unarchived; null before any.</summary>
    public string? LastReviewStep { get; init; }

    /// <summary>Its reason, for changes requested and a reopening.</summary>
    public string? LastReviewReason { get; init; }

    /// <summary>A draft sent back by a reviewer, the reason still to act on.</summary>
    public bool ChangesRequested => Row.Status == "draft" && LastReviewStep == "changes_requested";
}

/// <summary>The choices the library's filters offer.</summary>
public sealed record ArtifactOptionsDto(
    IReadOnlyList<OptionDto> Clients,
    IReadOnlyList<Campaigns.BrandOptionDto> Brands,
    IReadOnlyList<OptionDto> People);

/// <summary>The vocabularies of artifacts, in the order the screens list them (the table's check constraints are the other copy).</summary>
public static class ArtifactVocabulary
{
    public static readonly string[] Types = ["brief", "script", "deck", "board", "copy", "storyboard", "moodboard", "report", "other"];

    public static readonly string[] Statuses = ["draft", "in_review", "approved", "archived"];

    /// <summary>"in_review" as "In review".</summary>
    public static string Label(string value) => Campaigns.CampaignVocabulary.Label(value);
}

/// <summary>A search snippet split into its plain and highlighted parts.</summary>
public static class ArtifactSnippet
{
    /// <summary>Marks ts_headline puts around a match: control characters no one types, so user text cannot fake them.</summary>
    public const char MarkStart = '\u0002';
    public const char MarkEnd = '\u0003';

    /// <summary>ts_headline's options: the marks, and two short fragments.</summary>
    public const string HeadlineOptions = "StartSel=\u0002, StopSel=\u0003, MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=\" … \"";

    /// <summary>The snippet as (text, highlighted) parts, in order.</summary>
    public static IReadOnlyList<(string Text, bool Highlighted)> Parts(string? snippet)
    {
        var parts = new List<(string, bool)>();
        if (string.IsNullOrEmpty(snippet))
        {
            return parts;
        }

        var highlighted = false;
        var start = 0;
        for (var i = 0; i <= snippet.Length; i++)
        {
            if (i == snippet.Length || snippet[i] == MarkStart || snippet[i] == MarkEnd)
            {
                if (i > start)
                {
                    parts.Add((snippet[start..i], highlighted));
                }

                if (i < snippet.Length)
                {
                    highlighted = snippet[i] == MarkStart;
                }

                start = i + 1;
            }
        }

        return parts;
    }
}

/// <summary>Text a person types into a search box, as a tsquery that matches words by their beginnings.</summary>
public static class PrefixSearch
{
    /// <summary>
    /// "bri laun" as "bri:* &amp; laun:*": letters and digits only, so nothing the person types is
    /// tsquery syntax; null when no word is left.
    /// </summary>
    public static string? ToTsQuery(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word + ":*");
                word.Clear();
            }
        }

        return words.Count == 0 ? null : string.Join(" & ", words.Take(8));
    }
}

/// <summary>An artifact as its page shows it: the library's row, the Markdown, who last changed it, and the row's version (xmin) that a save starts from.</summary>
public sealed record ArtifactDetailDto(ArtifactLibraryRow Row, string Content, string? UpdatedByName, uint Version = 0, DateOnly? DueDate = null);

/// <summary>
/// How a save of the text ended. Saved: the row's new version. A conflict: someone else saved
/// since <c>baseVersion</c>: who, when, their text and their version, so the person chooses
/// (keep mine as a new version: save again from <see cref="TheirVersion"/>; take theirs).
/// Otherwise <see cref="Error"/> says why nothing was saved.
/// </summary>
public sealed record ArtifactSaveOutcome(
    bool Saved, uint Version, string? Error = null,
    string? ChangedBy = null, DateTimeOffset? ChangedAt = null, string? TheirContent = null, uint? TheirVersion = null)
{
    public bool IsConflict => TheirVersion is not null;
}

/// <summary>A version in the history panel: who, when, its summary (null for an autosave burst), and its size against the one before.</summary>
public sealed class ArtifactVersionRow
{
    public int VersionNumber { get; init; }

    public string Title { get; init; } = "";

    public string? ChangeSummary { get; init; }

    public string? AuthorName { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public int Length { get; init; }

    public int SizeChange { get; init; }
}

/// <summary>A template as "New artifact" offers it and the admins' list shows it.</summary>
public sealed record ArtifactTemplateDto(Guid Id, string ArtifactType, string Name, string? Description, string Content, DateTimeOffset UpdatedAt, uint Version);

/// <summary>A change to the artifact's row beside its text (its due date): the row's version before and after it, or why it was refused.</summary>
public sealed record ArtifactRowChange(bool Saved, uint Before, uint After, string? Error = null);
