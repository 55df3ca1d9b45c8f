using AgencyWorkroom.Data.Features.Knowledge;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AgencyWorkroom.Web.Components.Pages.Knowledge;

/// <summary>
/// The knowledge base: documents the person may read, filtered by the URL, with where each stands
/// in the index (queued, embedding n of m, ready, failed with a Retry). While any is queued or
/// embedding the list reads again every second, so a saved document is seen becoming ready.
/// </summary>
public sealed partial class KnowledgePage : IDisposable
{
    private static readonly string[] Statuses = [IndexStatus.Queued, IndexStatus.Embedding, IndexStatus.Ready, IndexStatus.Failed, IndexStatus.NotIndexed];

    private readonly CancellationTokenSource _disposed = new();
    private IReadOnlyList<KnowledgeDocumentRow>? _rows;
    private IReadOnlyList<string> _tags = [];
    private bool _canWrite;
    private Exception? _failure;
    private string? _message;
    private string? _loadedFilter;
    private bool _polling;

    [Inject]
    private IKnowledgeQueries Queries { get; set; } = default!;

    [Inject]
    private IKnowledgeCommands Commands { get; set; } = default!;

    [Inject]
    private IPeopleQueries People { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "search")]
    public string? Search { get; set; }

    [SupplyParameterFromQuery(Name = "scope")]
    public string? Scope { get; set; }

    [SupplyParameterFromQuery(Name = "tag")]
    public string? Tag { get; set; }

    [SupplyParameterFromQuery(Name = "status")]
    public string? Status { get; set; }

    private KnowledgeFilter Filter => new(Search, Scope, Tag, Status);

    private bool HasFilters => !string.IsNullOrEmpty(Search) || Scope is not null || Tag is not null || Status is not null;

    private string ExportHref => Navigation.GetUriWithQueryParameters("/export/knowledge.csv", new Dictionary<string, object?>
    {
        ["search"] = Search, ["scope"] = Scope, ["tag"] = Tag, ["status"] = Status,
    });

    public static string StatusLabel(string status) => status switch
    {
        IndexStatus.Queued => "Queued",
        IndexStatus.Embedding => "Embedding",
        IndexStatus.Ready => "Ready",
        IndexStatus.Failed => "Failed",
        _ => "Not indexed",
    };

    protected override async Task OnInitializedAsync()
    {
        var me = await People.GetMeAsync();
        _canWrite = KnowledgeCommands.Writers.Contains(me.Role);
    }

    protected override async Task OnParametersSetAsync()
    {
        var filter = Filter.ToString();
        if (filter != _loadedFilter)
        {
            _loadedFilter = filter;
            _rows = null;
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        try
        {
            _failure = null;
            _rows = await Queries.ListAsync(Filter, _disposed.Token);
            _tags = await Queries.TagsAsync(_disposed.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _failure = ex;
        }

        StartPollingWhileIndexing();
    }

    // Reads the list again every second while a document is queued or embedding.
    private void StartPollingWhileIndexing()
    {
        if (_polling || _rows is null || !_rows.Any(r => r.Status is IndexStatus.Queued or IndexStatus.Embedding))
        {
            return;
        }

        _polling = true;
        _ = InvokeAsync(async () =>
        {
            try
            {
                while (!_disposed.IsCancellationRequested && _rows is not null
                       && _rows.Any(r => r.Status is IndexStatus.Queued or IndexStatus.Embedding))
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), _disposed.Token);
                    _rows = await Queries.ListAsync(Filter, _disposed.Token);
                    StateHasChanged();
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception ex)
            {
                _failure = ex;
                StateHasChanged();
            }
            finally
            {
                _polling = false;
            }
        });
    }

    private void SetFilter(string name, object? value)
    {
        var text = value switch
        {
            null => null,
            string s when string.IsNullOrWhiteSpace(s) => null,
            _ => value.ToString(),
        };
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(name, text), replace: true);
    }

    private async Task RetryAsync(KnowledgeDocumentRow row)
    {
        var result = await Commands.RetryAsync(row.Id, _disposed.Token);
        _message = result.Succeeded ? null : result.Error;
        await LoadAsync();
    }

    private async Task DeleteAsync(KnowledgeDocumentRow row)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete document",
            $"Delete \"{row.Title}\"? The assistant stops finding its passages.", yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        var result = await Commands.DeleteAsync(row.Id, _disposed.Token);
        _message = result.Succeeded ? null : result.Error;
        await LoadAsync();
    }

    private static string ScopeLabel(KnowledgeDocumentRow row) => row.Scope switch
    {
        KnowledgeScopes.Campaign => $"Campaign {row.ScopeName}",
        KnowledgeScopes.Client => $"Client {row.ScopeName}",
        _ => "Whole agency",
    };

    private static double Percent(KnowledgeDocumentRow row) =>
        row.ProgressTotal is > 0 ? 100.0 * (row.ProgressDone ?? 0) / row.ProgressTotal.Value : 0;

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
