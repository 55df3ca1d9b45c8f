using System.Globalization;
using AgencyWorkroom.Web.Extensions;
using AgencyWorkroom.Web.Components.Account.Pages;
using Microsoft.Extensions.Options;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.Import;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Web.Export;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using Npgsql;

namespace AgencyWorkroom.Web.Components.Pages.Admin;

/// <summary>
/// An admin brings in a CSV of timesheet entries, clients or people: the file is streamed to a
/// temporary file, its columns are recognised (or mapped, for time), a dry run lists every row the
/// database would reject, and the import (confirmed first) runs with its progress shown. The rules
/// are the database's (045, 052): the page only says what it answered.
/// </summary>
public sealed partial class ImportPage : IDisposable
{
    public const int MaxMegabytes = 50;
    private const long MaxBytes = MaxMegabytes * 1024L * 1024L;
    private const int PreviewRows = 5;
    private const string NotInFile = "";

    private MeDto? _me;
    private ImportKind _kind = ImportKind.Timesheets;
    private string? _tempPath;
    private string? _fileName;
    private bool _uploading;
    private string? _fileError;
    private ImportPreview? _preview;
    private Dictionary<TimesheetField, string> _mapping = [];
    private string? _mappingError;
    private bool _busy;
    private ImportProgress? _progress;
    private ImportSummary? _summary;
    private string? _error;
    private bool _dryRunClean;
    private bool _giveAccounts;
    private List<ImportedAccount>? _accounts;

    [Inject]
    private IPeopleQueries People { get; set; } = default!;

    [Inject]
    private IImportCommands Import { get; set; } = default!;

    [Inject]
    private IPeopleCommands PeopleCommands { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IOptions<WorkroomOptions> Options { get; set; } = default!;

    private int ResetLinkHours => Options.Value.PasswordResetLinkHours;

    private bool IsAdmin => _me?.Role == AgencyRoles.Admin;

    private bool CanImport => _dryRunClean && _tempPath is not null && _mappingError is null;

    private string ColumnsHelp => _kind switch
    {
        ImportKind.Clients => "Clients: one row per client. Columns: " + Columns(RosterCsv.ClientColumns) +
                              ". Brands are separated by ; in one cell. A client whose name is there already is kept as it is; its new brands are added.",
        ImportKind.People => "People: one row per person, by e-mail. Columns: " + Columns(RosterCsv.PeopleColumns) +
                             ". Nobody gets a sign-in account unless you ask below; a bill or cost rate becomes a new person's first rate from today. Someone whose e-mail is there already is kept as they are.",
        _ => "Timesheet entries: Harvest's detailed time export and Kimai's CSV export are recognised; or the columns " +
             string.Join(", ", TimesheetCsv.WorkroomHeaders.Values) + ", or any columns mapped below. Entries arrive approved, locked and marked imported.",
    };

    protected override async Task OnInitializedAsync() => _me = await People.GetMeAsync();

    private static string Columns(IReadOnlyList<(string Column, string[] Synonyms, bool Required)> columns) =>
        string.Join(", ", columns.Select(c => c.Required ? $"{c.Column} (required)" : c.Column));

    private static string FormatName(TimesheetFormat format) => format == TimesheetFormat.Workroom ? "workroom" : format.ToString();

    private static string FieldName(TimesheetField field) => field switch
    {
        TimesheetField.CampaignCode => "Campaign code",
        TimesheetField.Email => "Person's e-mail",
        _ => field.ToString(),
    };

    private string MappedHeader(TimesheetField field) => _mapping.GetValueOrDefault(field, NotInFile);

    private async Task KindChangedAsync(ImportKind kind)
    {
        _kind = kind;
        await PreviewAsync();
    }

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        var file = e.File;
        ClearResults();
        _preview = null;
        _fileError = null;
        DeleteTemp();
        if (file.Size > MaxBytes)
        {
            _fileError = $"{file.Name} is {file.Size / (1024.0 * 1024.0):0.#} MB; a file may be up to {MaxMegabytes} MB. Split it and import the parts.";
            return;
        }

        _uploading = true;
        var path = Path.Combine(Path.GetTempPath(), $"workroom-import-{Guid.NewGuid():N}.csv");
        try
        {
            await using (var target = File.Create(path))
            await using (var source = file.OpenReadStream(MaxBytes))
            {
                await source.CopyToAsync(target);
            }

            _tempPath = path;
            _fileName = file.Name;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            File.Delete(path);
            _fileError = $"{file.Name} could not be read: {ex.Message}";
        }
        finally
        {
            _uploading = false;
        }

        await PreviewAsync();
    }

    private Task PreviewAsync()
    {
        ClearResults();
        _mappingError = null;
        if (_tempPath is null)
        {
            return Task.CompletedTask;
        }

        try
        {
            using var stream = File.OpenRead(_tempPath);
            _preview = ImportCommands.Preview(stream, PreviewRows);
            _mapping = _preview.Mapping.ToDictionary();
            _fileError = null;
            if (_kind == ImportKind.Timesheets)
            {
                CheckMapping();
            }
        }
        catch (ImportFormatException ex)
        {
            _preview = null;
            _fileError = ex.Message;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _preview = null;
            _fileError = $"{_fileName} is not a CSV file the import can read.";
        }

        return Task.CompletedTask;
    }

    private Task MapAsync(TimesheetField field, string header)
    {
        if (string.IsNullOrEmpty(header))
        {
            _mapping.Remove(field);
        }
        else
        {
            _mapping[field] = header;
        }

        ClearResults();
        CheckMapping();
        return Task.CompletedTask;
    }

    /// <summary>Opens the file with the mapping chosen: a field missing or a column that is not there is said next to the mapping.</summary>
    private void CheckMapping()
    {
        _mappingError = null;
        try
        {
            using var stream = File.OpenRead(_tempPath!);
            using var _ = new TimesheetCsv(stream, MappingToSend());
        }
        catch (ImportFormatException ex)
        {
            _mappingError = ex.Message;
        }
    }

    /// <summary>No mapping for a recognised export left as it was; the columns chosen otherwise.</summary>
    private IReadOnlyDictionary<TimesheetField, string>? MappingToSend() =>
        _preview is { } preview && preview.Format != TimesheetFormat.Unknown
        && _mapping.Count == preview.Mapping.Count && _mapping.All(m => preview.Mapping.TryGetValue(m.Key, out var h) && h == m.Value)
            ? null
            : _mapping;

    private Task DryRunAsync() => RunAsync(dryRun: true);

    private async Task ImportAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Import {_fileName}?",
            _kind switch
            {
                ImportKind.Clients => "The clients and brands not there yet are added. Nothing else changes.",
                ImportKind.People => _giveAccounts
                    ? "The people not there yet are added, each with a sign-in account and a one-time link for you to pass on. Nobody already there changes."
                    : "The people not there yet are added, without sign-in accounts. Nobody already there changes.",
                _ => "The entries are added approved and locked, marked as imported; people cannot change them.",
            },
            yesText: "Import", cancelText: "Cancel");
        if (confirmed == true)
        {
            await RunAsync(dryRun: false);
        }
    }

    private async Task RunAsync(bool dryRun)
    {
        if (_tempPath is null)
        {
            return;
        }

        ClearResults();
        _busy = true;
        _progress = new ImportProgress("reading", 0, 0);
        var progress = new PageProgress(this);
        try
        {
            await using var stream = File.OpenRead(_tempPath);
            var name = _fileName ?? "upload.csv";
            _summary = _kind switch
            {
                ImportKind.Clients => await Import.ImportClientsAsync(stream, name, new ImportOptions(dryRun), progress),
                ImportKind.People => await Import.ImportPeopleAsync(stream, name, new ImportOptions(dryRun), progress),
                _ => await Import.ImportTimesheetsAsync(stream, name, new TimesheetImportOptions(dryRun, MappingToSend()), progress),
            };
            _dryRunClean = dryRun && _summary.Rejections.Count == 0;
            if (_kind == ImportKind.People && _giveAccounts && _summary is { Imported: true, BatchId: { } batch })
            {
                _progress = new ImportProgress("accounts", 0, _summary.RowsAdded);
                _accounts = [.. await PeopleCommands.GiveImportedAccountsAsync(batch)];
            }
        }
        catch (ImportFormatException ex)
        {
            _error = ex.Message;
        }
        catch (PostgresException ex)
        {
            // The database's own sentence (a refusal, a rule), not a stack trace.
            _error = ex.MessageText;
        }
        catch (NpgsqlException)
        {
            _error = "The database could not be reached; nothing was imported. Try again in a moment.";
        }
        finally
        {
            _busy = false;
            _progress = _summary is null ? null : new ImportProgress("done", _summary.RowsRead, _summary.RowsRead);
        }
    }

    private void ClearResults()
    {
        _summary = null;
        _error = null;
        _progress = null;
        _dryRunClean = false;
        _accounts = null;
    }

    private static string StageText(ImportProgress progress) => progress.Stage switch
    {
        "reading" => progress.Total > 0 ? $"Reading the file: {100.0 * progress.Done / progress.Total:0}%" : "Reading the file…",
        "checking" => $"Checking {progress.Done:N0} rows…",
        "importing" => $"Importing {progress.Total:N0} rows…",
        "accounts" => $"Making sign-in accounts for {progress.Total:N0} people…",
        _ => $"Done: {progress.Done:N0} rows read.",
    };

    private static string SummaryText(ImportSummary s)
    {
        string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
        var what = s.Kind switch
        {
            ImportKind.Clients => "rows of clients and brands",
            ImportKind.People => "people",
            _ => "entries",
        };
        if (s.Rejections.Count > 0)
        {
            return $"{N(s.Rejections.Count)} of {N(s.RowsRead)} rows would be rejected, so nothing was imported. Correct them in the file and upload it again.";
        }

        return s.DryRun
            ? $"Dry run: {N(s.RowsRead)} rows read, no row rejected. {N(s.RowsAdded)} {what} would be added, {N(s.RowsUnchanged)} are there already. Nothing was written."
            : $"Imported: {N(s.RowsAdded)} {what} added, {N(s.RowsUnchanged)} were there already (batch {s.BatchId}).";
    }

    private string? ResetLink(ImportedAccount account) => account.Reset is { } reset
        ? ResetPasswordPage.LinkFor(Navigation.BaseUri, reset)
        : null;

    private static string RejectionsCsv(ImportSummary summary) =>
        "data:text/csv;charset=utf-8;base64," + Convert.ToBase64String(
            ExportEndpoints.ToCsv(["Line", "Reason"], summary.Rejections, r => [r.Line.ToString(CultureInfo.InvariantCulture), r.Reason]));

    private void DeleteTemp()
    {
        if (_tempPath is not null)
        {
            File.Delete(_tempPath);
            _tempPath = null;
        }
    }

    public void Dispose() => DeleteTemp();

    /// <summary>Each report shown as it comes (the import awaits between them, so the page renders).</summary>
    private sealed class PageProgress(ImportPage page) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            page._progress = value;
            _ = page.InvokeAsync(page.StateHasChanged);
        }
    }
}
