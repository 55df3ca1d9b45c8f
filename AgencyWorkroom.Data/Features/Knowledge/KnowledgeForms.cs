using System.ComponentModel.DataAnnotations;
using AgencyWorkroom.Data.Features.Common;

namespace AgencyWorkroom.Data.Features.Knowledge;

/// <summary>The add and edit form of a knowledge document; the database checks the same rules again.</summary>
public sealed class KnowledgeDocumentForm : RowForm
{
    /// <summary>The largest text a document may have, typed or uploaded: 1 MB (a book's chapter; a few hundred passages).</summary>
    public const int MaxContentBytes = 1_000_000;

    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(300, ErrorMessage = "Keep the title under 300 characters.")]
    public string Title { get; set; } = "";

    public string DocType { get; set; } = "other";

    /// <summary>tenant (everyone's), client or campaign.</summary>
    public string Scope { get; set; } = KnowledgeScopes.Tenant;

    public Guid? ClientId { get; set; }

    public Guid? CampaignId { get; set; }

    /// <summary>Only for a campaign's document: kept to that campaign's team (and leadership and admins).</summary>
    public bool TeamOnly { get; set; }

    /// <summary>Tags as typed: "brand, retail".</summary>
    public string Tags { get; set; } = "";

    [Required(ErrorMessage = "Type the document's text or upload a .md or .txt file.")]
    [MaxLength(MaxContentBytes, ErrorMessage = "The text is over 1 MB; split it into several documents.")]
    public string Content { get; set; } = "";

    public string[] TagList() => Tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(t => t.ToLowerInvariant()).Distinct().ToArray();
}

public static class KnowledgeScopes
{
    public const string Tenant = "tenant";
    public const string Client = "client";
    public const string Campaign = "campaign";
}

/// <summary>What an uploaded file may be: its type by extension, and its size.</summary>
public static class KnowledgeUpload
{
    public static readonly string[] Extensions = [".md", ".markdown", ".txt"];

    /// <summary>Null when the file may be read as the document's text; otherwise why not, for the field.</summary>
    public static string? Refusal(string fileName, long size)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!Extensions.Contains(extension))
        {
            return $"{fileName} is not a Markdown (.md) or text (.txt) file; other types can't be read.";
        }

        return size > KnowledgeDocumentForm.MaxContentBytes
            ? $"{fileName} is {size / 1_000_000.0:0.#} MB; the limit is 1 MB."
            : null;
    }
}
