using AgencyWorkroom.Data.Views;

namespace AgencyWorkroom.Data.Features.Suite;

/// <summary>The neighbours' base URLs, from configuration <c>Suite:Apps:&lt;name&gt;:Url</c>; a missing one is "not connected".</summary>
public sealed record SuiteOptions(IReadOnlyDictionary<string, string> Urls)
{
    public const string Procure = "Procure";
    public const string FinancePpm = "FinancePpm";
    public const string Expenses = "TandE";
    public const string Gearroom = "Gearroom";

    public static readonly IReadOnlyList<string> Neighbours = [Procure, FinancePpm, Expenses, Gearroom];

    public string? UrlOf(string app) => Urls.TryGetValue(app, out var url) && !string.IsNullOrWhiteSpace(url) ? url : null;
}

/// <summary>A row of agency.suite_counts(): each count is what row-level security lets the person see.</summary>
public sealed class SuiteCountsRow
{
    public long OpenQuotes { get; init; }

    public long ExpensesAwaitingApproval { get; init; }

    public long GearOut { get; init; }

    public long GearOverdue { get; init; }

    public long PpmProjectsLinked { get; init; }
}

/// <summary>One figure on a launcher card.</summary>
public sealed record SuiteFigure(string Label, string Value);

/// <summary>One card of the launcher: a neighbour (Url null: not connected) or the Workroom itself (Url "/").</summary>
/// <param name="More">A page of the Workroom about this neighbour (the PPM reconciliation), as (text, href); null when none.</param>
public sealed record SuiteCardDto(string App, string Name, string Purpose, string? Url, IReadOnlyList<SuiteFigure> Figures, (string Text, string Href)? More = null)
{
    public bool Connected => Url is not null;
}

/// <summary>The launcher: the Workroom's card (the dashboard's figures for the person's role) and the four neighbours.</summary>
public sealed record SuiteLauncherDto(IReadOnlyList<SuiteCardDto> Cards, DashboardKpisRow Kpis, SuiteCountsRow Counts);

/// <summary>A row of agency.campaign_neighbour_lines: a record linked to the campaign; Amount null unless finance or leadership.</summary>
public sealed class NeighbourLineRow
{
    public string Kind { get; init; } = "";

    public Guid RecordId { get; init; }

    public string Reference { get; init; } = "";

    public string Label { get; init; } = "";

    public string Category { get; init; } = "";

    public string Status { get; init; } = "";

    public DateOnly? RecordDate { get; init; }

    public DateOnly? DueDate { get; init; }

    public DateOnly? ReturnedDate { get; init; }

    public string? PersonName { get; init; }

    public decimal? Amount { get; init; }

    public string? Currency { get; init; }
}

/// <summary>A row of agency.campaign_link_candidates: a neighbour's record that may be linked to the campaign.</summary>
public sealed class LinkCandidateRow
{
    public Guid RecordId { get; init; }

    public string Reference { get; init; } = "";

    public string Label { get; init; } = "";

    public string Detail { get; init; } = "";

    public DateOnly? RecordDate { get; init; }

    public decimal? Amount { get; init; }

    public bool Linked { get; init; }
}

/// <summary>A row of agency.ppm_reconciliation(): the PPM budget beside the campaign's budget and spend.</summary>
public sealed class ReconciliationRow
{
    public Guid CampaignId { get; init; }

    public string CampaignCode { get; init; } = "";

    public string CampaignName { get; init; } = "";

    public string ClientName { get; init; } = "";

    public string Status { get; init; } = "";

    public string Currency { get; init; } = "";

    public string PpmProjects { get; init; } = "";

    public decimal PpmBudget { get; init; }

    public decimal CampaignBudget { get; init; }

    public decimal Spend { get; init; }

    /// <summary>PPM budget less the campaign's budget.</summary>
    public decimal BudgetDifference { get; init; }

    /// <summary>PPM budget less the spend.</summary>
    public decimal SpendVsPpm { get; init; }

    public bool BudgetsDisagree { get; init; }
}

/// <summary>A campaign's costs and links: the lines, totals by kind and category and by status, whether the person may link.</summary>
public sealed record CampaignLinksDto(bool MayLink, bool SeesLines, IReadOnlyList<NeighbourLineRow> Lines, ReconciliationRow? Reconciliation)
{
    public static readonly CampaignLinksDto None = new(false, false, [], null);

    /// <summary>Totals by category (expense categories, equipment, quote, PPM project); amounts null where SQL hid them.</summary>
    public IReadOnlyList<(string Category, int Count, decimal? Amount)> ByCategory => Lines
        .GroupBy(l => l.Category)
        .Select(g => (g.Key, g.Count(), g.Any(l => l.Amount is null) ? (decimal?)null : g.Sum(l => l.Amount!.Value)))
        .OrderBy(t => t.Key, StringComparer.Ordinal)
        .ToList();

    /// <summary>Totals by status (submitted, approved, out, overdue, returned, ...).</summary>
    public IReadOnlyList<(string Status, int Count, decimal? Amount)> ByStatus => Lines
        .GroupBy(l => l.Status)
        .Select(g => (g.Key, g.Count(), g.Any(l => l.Amount is null) ? (decimal?)null : g.Sum(l => l.Amount!.Value)))
        .OrderBy(t => t.Key, StringComparer.Ordinal)
        .ToList();
}

/// <summary>The kinds of record a campaign links, as agency.link_campaign_record names them.</summary>
public static class LinkKinds
{
    public const string Quote = "quote";
    public const string PpmProject = "ppm_project";
    public const string Expense = "expense";
    public const string Checkout = "checkout";

    public static readonly IReadOnlyList<string> All = [Quote, PpmProject, Expense, Checkout];

    public static string Label(string kind) => kind switch
    {
        Quote => "Procurement quote",
        PpmProject => "PPM project",
        Expense => "Expense line",
        Checkout => "Equipment checkout",
        _ => kind,
    };
}
