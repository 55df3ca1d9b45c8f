using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.Paging;
using AgencyWorkroom.Data.Views;
using AgencyWorkroom.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace AgencyWorkroom.Web.Components.Pages.Campaigns;

/// <summary>
/// The campaign registry from v_campaign_overview, filtered by status, client, brand, current
/// phase, date range and team member, all in the URL (the same names the CSV export reads).
/// </summary>
public sealed partial class CampaignListPage
{
    private static readonly Dictionary<string, string> Keys = new()
    {
        [nameof(CampaignOverviewRow.Code)] = "code",
        [nameof(CampaignOverviewRow.Name)] = "name",
        [nameof(CampaignOverviewRow.ClientName)] = "client",
        [nameof(CampaignOverviewRow.Status)] = "status",
        [nameof(CampaignOverviewRow.StartDate)] = "start",
        [nameof(CampaignOverviewRow.EndDate)] = "end",
        [nameof(CampaignOverviewRow.BudgetAmount)] = "budget",
        [nameof(CampaignOverviewRow.TotalHours)] = "hours",
        [nameof(CampaignOverviewRow.BudgetSpentPct)] = "spent",
        [nameof(CampaignOverviewRow.Margin)] = "margin",
        [nameof(CampaignOverviewRow.Health)] = "health",
    };

    private CampaignOptionsDto? _options;

    [Inject]
    private ICampaignQueries Campaigns { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "search")]
    public string? Search { get; set; }

    [SupplyParameterFromQuery(Name = "status")]
    public string? Status { get; set; }

    [SupplyParameterFromQuery(Name = "client")]
    public Guid? Client { get; set; }

    [SupplyParameterFromQuery(Name = "brand")]
    public Guid? Brand { get; set; }

    [SupplyParameterFromQuery(Name = "phase")]
    public string? Phase { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    [SupplyParameterFromQuery(Name = "member")]
    public Guid? Member { get; set; }

    protected override string Path => "/campaigns";

    protected override string ExportPath => "/export/campaigns.csv";

    protected override IReadOnlyDictionary<string, string> SortKeys => Keys;

    protected override IReadOnlyDictionary<string, object?> FilterQuery => new Dictionary<string, object?>
    {
        ["search"] = Search,
        ["status"] = Status,
        ["client"] = Client,
        ["brand"] = Brand,
        ["phase"] = Phase,
        ["from"] = From?.ToString("yyyy-MM-dd"),
        ["to"] = To?.ToString("yyyy-MM-dd"),
        ["member"] = Member,
    };

    /// <summary>The brands the brand filter offers: the chosen client's, or all.</summary>
    private IEnumerable<BrandOptionDto> Brands => (_options?.Brands ?? []).Where(b => Client is null || b.ClientId == Client);

    protected override IReadOnlyCollection<string> Writers => CampaignCommands.Writers;

    protected override async Task LoadChoicesAsync() => _options = await Campaigns.GetOptionsAsync();

    protected override Task<Page<CampaignOverviewRow>> FetchAsync(PageRequest request, CancellationToken cancellationToken) =>
        Campaigns.ListAsync(new CampaignFilter(Search, Status, Client, Brand, Phase, From, To, Member), request, cancellationToken);

    private static string? Name(IReadOnlyList<OptionDto>? options, Guid? id) => options?.FirstOrDefault(o => o.Id == id)?.Name;
}
