using AgencyWorkroom.Data.Features.Clients;
using AgencyWorkroom.Data.Features.Paging;
using AgencyWorkroom.Data.Views;
using AgencyWorkroom.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace AgencyWorkroom.Web.Components.Pages.Clients;

/// <summary>The client list from v_client_360: filters in the URL, paged and sorted on the server, exported as CSV.</summary>
public sealed partial class ClientListPage : ServerListPage<Client360Row>
{
    private static readonly Dictionary<string, string> Keys = new()
    {
        [nameof(Client360Row.Code)] = "code",
        [nameof(Client360Row.Name)] = "name",
        [nameof(Client360Row.Sector)] = "sector",
        [nameof(Client360Row.Status)] = "status",
        [nameof(Client360Row.BrandCount)] = "brands",
        [nameof(Client360Row.ActiveCampaignCount)] = "active",
        [nameof(Client360Row.BudgetSpentPct)] = "spent",
        [nameof(Client360Row.HoursThisQuarter)] = "quarter",
        [nameof(Client360Row.LastActivityAt)] = "activity",
        [nameof(Client360Row.Margin)] = "margin",
    };

    private List<string> _sectors = [];

    [Inject]
    private IClientQueries Clients { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "q")]
    public string? Search { get; set; }

    [SupplyParameterFromQuery(Name = "status")]
    public string? Status { get; set; }

    [SupplyParameterFromQuery(Name = "sector")]
    public string? Sector { get; set; }

    protected override string Path => "/clients";

    protected override string ExportPath => "/export/clients.csv";

    protected override IReadOnlyDictionary<string, string> SortKeys => Keys;

    protected override IReadOnlyDictionary<string, object?> FilterQuery => new Dictionary<string, object?>
    {
        ["q"] = Search,
        ["status"] = Status,
        ["sector"] = Sector,
    };

    protected override IReadOnlyCollection<string> Writers => ClientCommands.Writers;

    protected override async Task LoadChoicesAsync() => _sectors = await Clients.SectorsAsync();

    protected override Task<Page<Client360Row>> FetchAsync(PageRequest request, CancellationToken cancellationToken) =>
        Clients.ListAsync(new ClientFilter(Search, Status, Sector), request, cancellationToken);

    private static string Label(string status) => char.ToUpperInvariant(status[0]) + status[1..];

    private void SetSearch(string? value) => SetFilter("q", value);

    private void SetStatus(string? value) => SetFilter("status", value);

    private void SetSector(string? value) => SetFilter("sector", value);
}
