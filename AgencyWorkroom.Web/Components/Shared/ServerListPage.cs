using AgencyWorkroom.Data.Features.Paging;
using AgencyWorkroom.Data.Features.People;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AgencyWorkroom.Web.Components.Shared;

/// <summary>
/// A list screen on a <see cref="MudDataGrid{T}"/> with server-side paging, sorting and
/// filtering, whose filters and sort live in the URL query: a view can be bookmarked and
/// shared, and its CSV export selects the same rows.
/// </summary>
public abstract class ServerListPage<TRow> : ComponentBase
{
    private string? _loadedFilter;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IPeopleQueries People { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [SupplyParameterFromQuery(Name = "desc")]
    public bool Desc { get; set; }

    /// <summary>The signed-in person, once loaded.</summary>
    protected MeDto? Me { get; private set; }

    /// <summary>Whether the person's role may create rows here; the database decides, this only hides a form it would refuse.</summary>
    protected bool CanWrite { get; private set; }

    /// <summary>The roles that may create rows on this screen.</summary>
    protected abstract IReadOnlyCollection<string> Writers { get; }

    /// <summary>The grid, once rendered (set with @ref).</summary>
    protected MudDataGrid<TRow>? Grid { get; set; }

    /// <summary>The screen's own path, e.g. /clients.</summary>
    protected abstract string Path { get; }

    /// <summary>The CSV download of the same rows, e.g. /export/clients.csv.</summary>
    protected abstract string ExportPath { get; }

    /// <summary>The grid's sortable columns (property names) to the service's sort names.</summary>
    protected abstract IReadOnlyDictionary<string, string> SortKeys { get; }

    /// <summary>The filters as URL query parameters; null or empty values are left out.</summary>
    protected abstract IReadOnlyDictionary<string, object?> FilterQuery { get; }

    protected abstract Task<Page<TRow>> FetchAsync(PageRequest request, CancellationToken cancellationToken);

    /// <summary>The export link: the same filters and order as the screen.</summary>
    protected string ExportHref => Navigation.GetUriWithQueryParameters(ExportPath, Query(FilterQuery));

    protected override async Task OnInitializedAsync()
    {
        Me = await People.GetMeAsync();
        CanWrite = Writers.Contains(Me.Role);
        await LoadChoicesAsync();
    }

    /// <summary>Loads what the filters offer (sectors, clients, people).</summary>
    protected virtual Task LoadChoicesAsync() => Task.CompletedTask;

    protected override async Task OnParametersSetAsync()
    {
        // The filters changed in the URL (a filter control, back, a bookmark): fetch page one again.
        var filter = string.Join("&", FilterQuery.Select(f => $"{f.Key}={f.Value}"));
        if (_loadedFilter is not null && filter != _loadedFilter && Grid is not null)
        {
            _loadedFilter = filter;
            await Grid.ReloadServerData();
        }

        _loadedFilter = filter;
    }

    /// <summary>The grid's ServerData.</summary>
    protected async Task<GridData<TRow>> LoadAsync(GridState<TRow> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var key = sort is not null && SortKeys.TryGetValue(sort.SortBy, out var name) ? name : null;
        var descending = key is not null && sort!.Descending;
        if (key != Sort || (key is not null && descending != Desc))
        {
            // Keep the order in the URL too; the filters are unchanged, so this fetches nothing more.
            Sort = key;
            Desc = descending;
            Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(Query(FilterQuery)), replace: true);
        }

        var page = await FetchAsync(new PageRequest(state.Page, state.PageSize, key, descending), cancellationToken);
        MoreThanCounted = page.MoreThanCounted;
        return new GridData<TRow> { Items = page.Items, TotalItems = page.TotalCount };
    }

    /// <summary>Whether the last page fetched said there are more rows than its count (a large tenant's lists stop counting).</summary>
    protected bool MoreThanCounted { get; private set; }

    /// <summary>The pager's text: "1-25 of 150", or "1-25 of more than 1000" where the count stopped.</summary>
    protected string PagerInfo => MoreThanCounted ? "{first_item}-{last_item} of more than {all_items}" : "{first_item}-{last_item} of {all_items}";

    /// <summary>A column's first direction, from the URL.</summary>
    protected SortDirection Direction(string key) =>
        !string.Equals(Sort, key, StringComparison.OrdinalIgnoreCase) ? SortDirection.None
        : Desc ? SortDirection.Descending : SortDirection.Ascending;

    /// <summary>Changes one filter in the URL; the grid follows.</summary>
    protected void SetFilter(string name, object? value)
    {
        var query = new Dictionary<string, object?>(FilterQuery) { [name] = value };
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(Path, Query(query)), replace: true);
    }

    private Dictionary<string, object?> Query(IReadOnlyDictionary<string, object?> filters)
    {
        var query = filters.ToDictionary(f => f.Key, f => f.Value is string { Length: 0 } ? null : f.Value);
        query["sort"] = Sort;
        query["desc"] = Desc ? "true" : null;
        return query;
    }
}
