using System.ComponentModel.DataAnnotations;
using AgencyWorkroom.Data.Features.Common;

namespace AgencyWorkroom.Data.Features.Capacity;

/// <summary>A person × a range of weeks × a campaign × hours a week; the database checks the hours again.</summary>
public sealed class AllocationForm
{
    [Required(ErrorMessage = "Choose the person.")]
    public Guid? EmployeeId { get; set; }

    [Required(ErrorMessage = "Choose the campaign.")]
    public Guid? CampaignId { get; set; }

    [Required(ErrorMessage = "Choose the first week.")]
    public DateOnly? FirstWeek { get; set; }

    [Required(ErrorMessage = "Choose the last week.")]
    public DateOnly? LastWeek { get; set; }

    [Range(0.25, 80, ErrorMessage = "Hours a week run from 0.25 to 80.")]
    public decimal HoursPerWeek { get; set; } = 8;

    public bool Tentative { get; set; }

    [StringLength(1000, ErrorMessage = "Keep the note under 1,000 characters.")]
    public string? Notes { get; set; }

    /// <summary>The Mondays of the range, first to last (empty when the last is before the first).</summary>
    public IReadOnlyList<DateOnly> Mondays()
    {
        if (FirstWeek is not { } first || LastWeek is not { } last)
        {
            return [];
        }

        var monday = Weeks.StartOf(first);
        var end = Weeks.StartOf(last);
        var weeks = new List<DateOnly>();
        for (var w = monday; w <= end && weeks.Count <= 104; w = w.AddDays(7))
        {
            weeks.Add(w);
        }

        return weeks;
    }
}

/// <summary>A role not yet staffed on a campaign, for a range of weeks.</summary>
public sealed class PlaceholderForm : RowForm
{
    [Required(ErrorMessage = "Choose the campaign.")]
    public Guid? CampaignId { get; set; }

    [Required(ErrorMessage = "Name the role, such as Senior designer.")]
    [StringLength(100, ErrorMessage = "Keep the role under 100 characters.")]
    public string RoleName { get; set; } = "";

    [StringLength(100)]
    public string? Department { get; set; }

    [Required(ErrorMessage = "Choose the first week.")]
    public DateOnly? FirstWeek { get; set; }

    [Required(ErrorMessage = "Choose the last week.")]
    public DateOnly? LastWeek { get; set; }

    [Range(0.25, 80, ErrorMessage = "Hours a week run from 0.25 to 80.")]
    public decimal HoursPerWeek { get; set; } = 8;

    public bool Tentative { get; set; }

    public IReadOnlyList<DateOnly> Mondays() =>
        new AllocationForm { FirstWeek = FirstWeek, LastWeek = LastWeek }.Mondays();
}
