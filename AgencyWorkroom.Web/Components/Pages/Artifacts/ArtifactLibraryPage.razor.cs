using AgencyWorkroom.Data.Features.Artifacts;
using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Features.Paging;
using AgencyWorkroom.Data.Views;
using AgencyWorkroom.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AgencyWorkroom.Web.Components.Pages.Artifacts;

/// <summary>
/// The artifact library from v_artifact_library: filtered by type, status, client, brand,
/// campaign, owner, tag and updated range, and searched by full text, all in the URL (the same
/// names the CSV export reads). A search is ranked best first unless a column is sorted.
/// </summary>
public sealed partial class ArtifactLibraryPage
{
    // MudBlazor names a nested column by its path or by its last member, depending on the version: both are here.
    private static readonly Dictionary<string, string> Keys = new Dictionary<string, string>
    {
        [nameof(ArtifactLibraryRow.Title)] = "title",
        [nameof(ArtifactLibraryRow.ArtifactType)] = "type",
        [nameof(ArtifactLibraryRow.Status)] = "status",
        [nameof(ArtifactLibraryRow.CampaignCode)] = "campaign",
        [nameof(ArtifactLibraryRow.ClientName)] = "client",
        [nameof(ArtifactLibraryRow.OwnerName)] = "owner",
        [nameof(ArtifactLibraryRow.OpenCommentCount)] = "comments",
        [nameof(ArtifactLibraryRow.UpdatedAt)] = "updated",
    }.SelectMany(k => new[] { k, KeyValuePair.Create("Row." + k.Key, k.Value) })
        .Append(KeyValuePair.Create(nameof(ArtifactListItem.Rank), ArtifactQueries.RankSort))
        .ToDictionary();

    private ArtifactOptionsDto? _options;
    private CampaignOptionDto? _campaign;

    [Inject]
    private IArtifactQueries Artifacts { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "search")]
    public string? Search { get; set; }

    [SupplyParameterFromQuery(Name = "type")]
    public string? Type { get; set; }

    [SupplyParameterFromQuery(Name = "status")]
    public string? Status { get; set; }

    [SupplyParameterFromQuery(Name = "client")]
    public Guid? Client { get; set; }

    [SupplyParameterFromQuery(Name = "brand")]
    public Guid? Brand { get; set; }

    [SupplyParameterFromQuery(Name = "campaign")]
    public Guid? Campaign { get; set; }

    [SupplyParameterFromQuery(Name = "owner")]
    public Guid? Owner { get; set; }

    [SupplyParameterFromQuery(Name = "tag")]
    public string? Tag { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    protected override string Path => "/artifacts";

    protected override string ExportPath => "/export/artifacts.csv";

    protected override IReadOnlyDictionary<string, string> SortKeys => Keys;

    protected override IReadOnlyDictionary<string, object?> FilterQuery => new Dictionary<string, object?>
    {
        ["search"] = Search,
        ["type"] = Type,
        ["status"] = Status,
        ["client"] = Client,
        ["brand"] = Brand,
        ["campaign"] = Campaign,
        ["owner"] = Owner,
        ["tag"] = Tag,
        ["from"] = From?.ToString("yyyy-MM-dd"),
        ["to"] = To?.ToString("yyyy-MM-dd"),
    };

    // Nothing is created from the library yet; the editor's slice adds "New artifact".
    protected override IReadOnlyCollection<string> Writers => [];

    private IEnumerable<BrandOptionDto> Brands => (_options?.Brands ?? []).Where(b => Client is null || b.ClientId == Client);

    protected override async Task LoadChoicesAsync() => _options = await Artifacts.GetOptionsAsync();

    protected override async Task OnParametersSetAsync()
    {
        // The campaign filter shows the campaign the URL names (a bookmark, back).
        if (Campaign != _campaign?.Id)
        {
            _campaign = Campaign is { } id ? (await Artifacts.FindCampaignsAsync(null, id)).FirstOrDefault() : null;
        }

        await base.OnParametersSetAsync();
    }

    protected override Task<Page<ArtifactListItem>> FetchAsync(PageRequest request, CancellationToken cancellationToken) =>
        Artifacts.ListAsync(Filter, request, cancellationToken);

    private ArtifactFilter Filter => new(Search, Type, Status, Client, Brand, Campaign, Owner, Tag, From, To);

    // The new artifact opens in the editor.
    private async Task NewArtifactAsync()
    {
        var templates = await Artifacts.ListTemplatesAsync();
        var parameters = new DialogParameters<NewArtifactDialog> { { d => d.Templates, templates } };
        var dialog = await Dialogs.ShowAsync<NewArtifactDialog>("New artifact", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: Guid id })
        {
            Navigation.NavigateTo($"/artifacts/{id}");
        }
    }

    private async Task<IEnumerable<CampaignOptionDto>> FindCampaignsAsync(string? text, CancellationToken cancellationToken) =>
        await Artifacts.FindCampaignsAsync(text, cancellationToken: cancellationToken);
}
