using System.ComponentModel.DataAnnotations;
using AgencyWorkroom.Data.Features.Common;

namespace AgencyWorkroom.Data.Features.Campaigns;

/// <summary>The create and edit form of a campaign; the database checks the same rules again.</summary>
public sealed class CampaignForm : RowForm
{
    [Required(ErrorMessage = "Choose the client.")]
    public Guid? ClientId { get; set; }

    public Guid? BrandId { get; set; }

    [Required(ErrorMessage = "Enter a code.")]
    [RegularExpression("^[A-Z0-9][A-Z0-9-]{1,29}$", ErrorMessage = "Use 2 to 30 capital letters, digits or dashes, starting with a letter or digit.")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Enter the campaign's name.")]
    [StringLength(200, ErrorMessage = "Keep the name under 200 characters.")]
    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public string Status { get; set; } = "planning";

    public string BudgetType { get; set; } = "time_and_materials";

    [Range(0, 999_999_999_999.99, ErrorMessage = "The budget can't be negative.")]
    public decimal BudgetAmount { get; set; }

    [Required(ErrorMessage = "Enter a currency.")]
    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "Use a three-letter currency code, such as USD.")]
    public string Currency { get; set; } = "USD";

    [Required(ErrorMessage = "Choose the start date.")]
    public DateTime? StartDate { get; set; }

    [Required(ErrorMessage = "Choose the end date.")]
    [NotBefore(nameof(StartDate), ErrorMessage = "The end date can't be before the start date.")]
    public DateTime? EndDate { get; set; }

    /// <summary>What new time on the campaign starts as (the entry may differ; decision 015).</summary>
    public bool BillableByDefault { get; set; } = true;

    /// <summary>Percentages of the budget spent that raise an alert, as typed: "50, 75, 90, 100".</summary>
    [Required(ErrorMessage = "Enter at least one threshold, such as 50, 75, 90, 100.")]
    [Thresholds(ErrorMessage = "Use whole percentages from 1 to 1000, separated by commas.")]
    public string AlertThresholds { get; set; } = "50, 75, 90, 100";

    /// <summary>The thresholds in order without repeats, or null when the text is not a list of 1 to 1000.</summary>
    public static int[]? ParseThresholds(string? text)
    {
        var parts = (text ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries);
        var values = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part.TrimEnd('%'), out var value) || value is < 1 or > 1000)
            {
                return null;
            }

            values.Add(value);
        }

        return values.Count == 0 ? null : [.. values.Distinct().Order()];
    }

    public static string FormatThresholds(IEnumerable<int> thresholds) => string.Join(", ", thresholds);
}

/// <summary>The create and edit form of one phase of a campaign.</summary>
public sealed class PhaseForm : RowForm
{
    [AllowedValues("strategy", "creative", "production", "post", ErrorMessage = "Choose strategy, creative, production or post.")]
    public string PhaseType { get; set; } = "strategy";

    [Required(ErrorMessage = "Enter the phase's name.")]
    [StringLength(200, ErrorMessage = "Keep the name under 200 characters.")]
    public string Name { get; set; } = "";

    public string Status { get; set; } = "not_started";

    [Required(ErrorMessage = "Choose the start date.")]
    public DateTime? StartDate { get; set; }

    [Required(ErrorMessage = "Choose the end date.")]
    [NotBefore(nameof(StartDate), ErrorMessage = "The end date can't be before the start date.")]
    public DateTime? EndDate { get; set; }

    [Range(0, 999_999_999_999.99, ErrorMessage = "The budget can't be negative.")]
    public decimal BudgetAmount { get; set; }
}

/// <summary>A date that may not fall before another property's date (an end and its start).</summary>
/// <remarks>A property's own attribute, not object-level validation, so the message shows next to
/// the field even while other fields are still empty.</remarks>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotBeforeAttribute(string otherProperty) : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var other = validationContext.ObjectType.GetProperty(otherProperty)?.GetValue(validationContext.ObjectInstance);
        return value is DateTime date && other is DateTime earliest && date.Date < earliest.Date
            ? new ValidationResult(ErrorMessage, validationContext.MemberName is { } member ? [member] : null)
            : ValidationResult.Success;
    }
}

/// <summary>Budget alert thresholds as typed: whole percentages from 1 to 1000.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ThresholdsAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is null || CampaignForm.ParseThresholds(value as string) is not null;
}
