using System.ComponentModel.DataAnnotations;
using AgencyWorkroom.Data.Features.Common;

namespace AgencyWorkroom.Data.Features.Artifacts;

/// <summary>"New artifact": where it goes, what it is called, and the template its text starts from (none: blank).</summary>
public sealed class NewArtifactForm : RowForm
{
    /// <summary>Checked by the command (the picker holds a campaign, not this id).</summary>
    public Guid? CampaignId { get; set; }

    /// <summary>The template whose text and type it starts with; null for a blank artifact of <see cref="ArtifactType"/>.</summary>
    public Guid? TemplateId { get; set; }

    [Required(ErrorMessage = "Choose a type.")]
    [ArtifactType]
    public string ArtifactType { get; set; } = "brief";

    [Required(ErrorMessage = "Give it a title.")]
    [StringLength(300, ErrorMessage = "Keep the title under 300 characters.")]
    public string Title { get; set; } = "";

    public DateOnly? DueDate { get; set; }
}

/// <summary>The create and edit form of an artifact template; the database checks the same rules again.</summary>
public sealed class ArtifactTemplateForm : RowForm
{
    [Required(ErrorMessage = "Name the template.")]
    [StringLength(120, ErrorMessage = "Keep the name under 120 characters.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Choose a type.")]
    [ArtifactType]
    public string ArtifactType { get; set; } = "brief";

    [StringLength(300, ErrorMessage = "Keep the description under 300 characters.")]
    public string? Description { get; set; }

    [StringLength(200_000, ErrorMessage = "Keep the text under 200,000 characters.")]
    public string Content { get; set; } = "";
}

/// <summary>One of <see cref="ArtifactVocabulary.Types"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ArtifactTypeAttribute() : AllowedValuesAttribute(ArtifactVocabulary.Types)
{
    public override string FormatErrorMessage(string name) => "Choose a type.";
}
