namespace AgencyWorkroom.Data.Features.Rates;

/// <summary>The four tables a rate lives in, in the order the resolution reads them last to first.</summary>
public enum RateTable
{
    RateCards,
    EmployeeRates,
    ClientOverrides,
    CampaignOverrides,
}

public static class RateTables
{
    /// <summary>The table's name as 022's functions take it.</summary>
    public static string SqlName(this RateTable table) => table switch
    {
        RateTable.RateCards => "rate_cards",
        RateTable.EmployeeRates => "employee_rates",
        RateTable.ClientOverrides => "client_rate_overrides",
        RateTable.CampaignOverrides => "campaign_rate_overrides",
        _ => throw new ArgumentOutOfRangeException(nameof(table)),
    };

    /// <summary>What <c>agency.rate_for</c> calls each level (<c>bill_source</c>, <c>cost_source</c>), as a person reads it.</summary>
    public static string DescribeSource(string? source) => source switch
    {
        "campaign" => "Campaign rate",
        "client" => "Client rate",
        "person" => "Person's own rate",
        "card" => "Rate card",
        _ => "No rate",
    };
}

/// <summary>
/// One period of a rate: a card's (Subject = role), a person's (Subject = their name, CardName
/// = their card's role), a client's or a campaign's bill rate (RoleName = the role it is for, or
/// everyone). Bill and cost are null where the row leaves them to the card (people) or has none
/// (overrides have no cost).
/// </summary>
public sealed record RatePeriodDto(
    Guid Id,
    RateTable Table,
    Guid? SubjectId,
    string Subject,
    string? RoleName,
    decimal? BillRate,
    decimal? CostRate,
    string Currency,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    string? Note)
{
    /// <summary>Whether the period covers the day.</summary>
    public bool Covers(DateOnly day) => EffectiveFrom <= day && (EffectiveTo is null || EffectiveTo > day);

    /// <summary>The last day of the period (effective_to is exclusive).</summary>
    public DateOnly? LastDay => EffectiveTo?.AddDays(-1);
}

/// <summary>Everything the Rates screen lists: empty for anyone the rate tables' policies refuse.</summary>
public sealed record RatesOverviewDto(
    string Currency,
    IReadOnlyList<RatePeriodDto> Cards,
    IReadOnlyList<RatePeriodDto> People,
    IReadOnlyList<RatePeriodDto> Overrides)
{
    public static readonly RatesOverviewDto Empty = new("", [], [], []);

    public IEnumerable<RatePeriodDto> All => Cards.Concat(People).Concat(Overrides);
}

/// <summary>The rate <c>agency.rate_for</c> finds for a person on a campaign on a day, and where each figure came from.</summary>
public sealed record RateLookupDto(
    decimal? BillRate,
    string? BillSource,
    Guid? BillSourceId,
    decimal? CostRate,
    string? CostSource,
    Guid? CostSourceId,
    string? RoleName,
    string Currency)
{
    public MarginFigures? Margin => BillRate is { } bill && CostRate is { } cost ? MarginCalculator.Of(bill, cost) : null;
}

/// <summary>What a correction would change: how many campaigns' figures move, and by how much in total.</summary>
public sealed record CorrectionPreviewDto(int CampaignCount, decimal RevenueChange, decimal CostChange, string Currency);

/// <summary>A preview, or why there is none (the same refusals the correction would meet).</summary>
public sealed record CorrectionPreviewResult(CorrectionPreviewDto? Preview, Common.SaveResult? Refusal);

/// <summary>One row of the audit trail about rates (020's agency.audit_log).</summary>
public sealed record RateHistoryDto(
    long Id,
    DateTimeOffset OccurredAt,
    string? ActorName,
    string? ActorRole,
    string Entity,
    Guid? EntityId,
    string Action,
    string? Reason,
    string? OldValues,
    string? NewValues);

/// <summary>Names for the pickers: people, campaigns, clients and card roles the screen offers.</summary>
public sealed record RatePickersDto(
    IReadOnlyList<Common.OptionDto> People,
    IReadOnlyList<Common.OptionDto> Campaigns,
    IReadOnlyList<Common.OptionDto> Clients,
    IReadOnlyList<Common.OptionDto> Cards);
