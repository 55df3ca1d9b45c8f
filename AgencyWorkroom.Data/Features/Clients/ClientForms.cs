using System.ComponentModel.DataAnnotations;
using AgencyWorkroom.Data.Features.Common;

namespace AgencyWorkroom.Data.Features.Clients;

/// <summary>The create and edit form of a client; the database checks the same rules again.</summary>
public sealed class ClientForm : RowForm
{
    [Required(ErrorMessage = "Enter a code.")]
    [RegularExpression("^[A-Z0-9][A-Z0-9-]{1,19}$", ErrorMessage = "Use 2 to 20 capital letters, digits or dashes, starting with a letter or digit.")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Enter the client's name.")]
    [StringLength(200, ErrorMessage = "Keep the name under 200 characters.")]
    public string Name { get; set; } = "";

    public string? Sector { get; set; }

    [AllowedValues("prospect", "active", "inactive", "archived", ErrorMessage = "Choose a status.")]
    public string Status { get; set; } = "active";

    [Url(ErrorMessage = "Enter a full web address, starting with https://.")]
    public string? Website { get; set; }

    public string? PrimaryContactName { get; set; }

    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string? PrimaryContactEmail { get; set; }

    public string? Notes { get; set; }
}

/// <summary>The create and edit form of a brand.</summary>
public sealed class BrandForm : RowForm
{
    [Required(ErrorMessage = "Enter a code.")]
    [RegularExpression("^[A-Z0-9][A-Z0-9-]{1,19}$", ErrorMessage = "Use 2 to 20 capital letters, digits or dashes, starting with a letter or digit.")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Enter the brand's name.")]
    [StringLength(200, ErrorMessage = "Keep the name under 200 characters.")]
    public string Name { get; set; } = "";

    public string? Description { get; set; }
}
