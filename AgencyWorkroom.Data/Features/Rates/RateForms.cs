using System.ComponentModel.DataAnnotations;
using AgencyWorkroom.Data.Features.Common;

namespace AgencyWorkroom.Data.Features.Rates;

/// <summary>
/// A new period of a rate, from a day on (<c>agency.add_rate_period</c>): a card's (RoleName),
/// a person's (EmployeeId, RateCardId), a client's or a campaign's bill rate (ClientId or
/// CampaignId, and RoleName when it is for one role only). The id is made once, so a retry adds it once.
/// </summary>
public sealed class RatePeriodForm : RowForm
{
    public RateTable Table { get; set; }

    public Guid? EmployeeId { get; set; }

    public Guid? RateCardId { get; set; }

    [StringLength(100)]
    public string? RoleName { get; set; }

    public Guid? ClientId { get; set; }

    public Guid? CampaignId { get; set; }

    [Range(0, 99_999_999.99)]
    public decimal? BillRate { get; set; }

    [Range(0, 99_999_999.99)]
    public decimal? CostRate { get; set; }

    /// <summary>Left empty: the agency's currency.</summary>
    public string? Currency { get; set; }

    /// <summary>The first day of the new rate (a date; DateTime for the date picker).</summary>
    [Required]
    public DateTime? EffectiveFrom { get; set; }

    [StringLength(500)]
    public string? Note { get; set; }
}

/// <summary>A period changed in place (<c>agency.correct_rate_period</c>): for days before today, finance's, with a reason.</summary>
public sealed class RateCorrectionForm
{
    public RateTable Table { get; set; }

    public Guid PeriodId { get; set; }

    [Range(0, 99_999_999.99)]
    public decimal? BillRate { get; set; }

    [Range(0, 99_999_999.99)]
    public decimal? CostRate { get; set; }

    [Required]
    public DateTime? EffectiveFrom { get; set; }

    /// <summary>The first day no longer covered (exclusive), or none while current.</summary>
    public DateTime? EffectiveTo { get; set; }

    [StringLength(1000)]
    public string? Reason { get; set; }

    public static RateCorrectionForm For(RatePeriodDto period) => new()
    {
        Table = period.Table,
        PeriodId = period.Id,
        BillRate = period.BillRate,
        CostRate = period.CostRate,
        EffectiveFrom = period.EffectiveFrom.ToDateTime(TimeOnly.MinValue),
        EffectiveTo = period.EffectiveTo?.ToDateTime(TimeOnly.MinValue),
    };
}
