using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Views;

namespace AgencyWorkroom.Data.Features.Campaigns;

/// <summary>What the campaign registry can be narrowed by; every field optional.</summary>
public sealed record CampaignFilter(
    string? Search = null,
    string? Status = null,
    Guid? ClientId = null,
    Guid? BrandId = null,
    string? Phase = null,
    DateOnly? ActiveFrom = null,
    DateOnly? ActiveTo = null,
    Guid? TeamMemberId = null);

/// <summary>A phase of a campaign; <see cref="Version"/> goes into its edit form.</summary>
public sealed record PhaseDto(
    Guid Id, string PhaseType, string Name, int SortOrder, string Status, DateOnly StartDate, DateOnly EndDate, decimal BudgetAmount, uint Version);

public sealed record TeamMemberDto(Guid EmployeeId, string FullName, string? Title, string TeamRole);

/// <summary>A row of agency.get_campaign_expenses; the total is null unless finance or leadership.</summary>
public sealed class ExpenseCategoryRow
{
    public string Category { get; init; } = "";

    public long LineCount { get; init; }

    public decimal? TotalAmount { get; init; }

    public string Currency { get; init; } = "";

    public DateOnly? LastExpenseDate { get; init; }
}

/// <summary>A row of agency.get_campaign_equipment; the cost is null unless finance or leadership.</summary>
public sealed class EquipmentRow
{
    public string EquipmentName { get; init; } = "";

    public string AssetTag { get; init; } = "";

    public DateTimeOffset CheckedOutAt { get; init; }

    public DateTimeOffset? ReturnedAt { get; init; }

    public int DaysOut { get; init; }

    public decimal? EquipmentCost { get; init; }
}

/// <summary>The campaign's Procure quote; the amount is null unless finance or leadership. It counts once approved.</summary>
public sealed class QuoteRow
{
    public string QuoteNumber { get; init; } = "";

    public string VendorName { get; init; } = "";

    public string Status { get; init; } = "";

    public decimal? Amount { get; init; }
}

/// <summary>Spend to the end of one week, added up from the campaign's start; null unless finance or leadership.</summary>
public sealed class BurnPointRow
{
    public DateOnly WeekStart { get; init; }

    public decimal? CumulativeSpend { get; init; }
}

/// <summary>Everything the campaign page shows.</summary>
public sealed record CampaignDetailDto(
    CampaignOverviewRow Overview,
    IReadOnlyList<PhaseDto> Phases,
    IReadOnlyList<TeamMemberDto> Team,
    IReadOnlyList<ExpenseCategoryRow> Expenses,
    IReadOnlyList<EquipmentRow> Equipment,
    QuoteRow? Quote,
    IReadOnlyList<TimesheetSummaryByCampaignRow> Timesheets,
    IReadOnlyList<BurnPointRow> Burn,
    IReadOnlyList<ArtifactLibraryRow> Artifacts)
{
    /// <summary>T&amp;E spend; null when the role sees no amounts (or there are none).</summary>
    public decimal? ExpenseTotal => Expenses.Select(e => e.TotalAmount).SumOrNull();

    public decimal? EquipmentTotal => Equipment.Select(e => e.EquipmentCost).SumOrNull();

    /// <summary>The quote's amount when it counts (approved).</summary>
    public decimal? QuoteCounted => Quote is { Status: "approved" } ? Quote.Amount : null;

    /// <summary>The sum of the weekly summary: the same figure as the overview's total hours.</summary>
    public decimal SummaryHours => Timesheets.Sum(t => t.TotalHours);
}

public sealed record CampaignOptionDto(Guid Id, string Code, string Name);

public sealed record BrandOptionDto(Guid Id, Guid ClientId, string Name);

/// <summary>The choices the registry's filters and the campaign form offer.</summary>
public sealed record CampaignOptionsDto(
    IReadOnlyList<OptionDto> Clients,
    IReadOnlyList<BrandOptionDto> Brands,
    IReadOnlyList<OptionDto> People,
    IReadOnlyList<CampaignOptionDto> Templates);

/// <summary>The vocabularies of campaigns and phases, in the order the screens list them.</summary>
public static class CampaignVocabulary
{
    public static readonly string[] Statuses = ["planning", "active", "on_hold", "completed", "cancelled"];

    public static readonly string[] BudgetTypes = ["time_and_materials", "fixed_fee", "retainer"];

    public static readonly string[] PhaseTypes = ["strategy", "creative", "production", "post"];

    public static readonly string[] PhaseStatuses = ["not_started", "in_progress", "completed"];

    /// <summary>"on_hold" as "On hold", "time_and_materials" as "Time and materials".</summary>
    public static string Label(string value) =>
        string.IsNullOrEmpty(value) ? value : char.ToUpperInvariant(value[0]) + value[1..].Replace('_', ' ');
}
