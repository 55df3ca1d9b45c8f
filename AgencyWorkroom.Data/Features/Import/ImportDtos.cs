namespace AgencyWorkroom.Data.Features.Import;

/// <summary>The timesheet columns the import understands; a file's headers map onto these.</summary>
public enum TimesheetField
{
    Date,
    Person,
    Email,
    Client,
    Campaign,
    CampaignCode,
    Hours,
    Billable,
    Notes,
}

/// <summary>Whose export a file is, by its header row; <see cref="Mapped"/> when its columns were mapped by hand.</summary>
public enum TimesheetFormat
{
    Unknown,
    Harvest,
    Kimai,
    Workroom,
    Mapped,
}

/// <summary>A row the import would not take, by its line in the file (the header is line 1).</summary>
public sealed record ImportRejection(int Line, string Reason);

/// <summary>Where a running import is: a stage ("reading", "checking", "importing") and rows or bytes done of a total.</summary>
public sealed record ImportProgress(string Stage, long Done, long Total);

/// <summary>What a file holds: the three imports of /admin/import and the command line.</summary>
public enum ImportKind
{
    Timesheets,
    Clients,
    People,
}

/// <summary>A clients or people import: a dry run, or the real one.</summary>
public sealed record ImportOptions(bool DryRun);

public sealed record TimesheetImportOptions(bool DryRun, IReadOnlyDictionary<TimesheetField, string>? Mapping = null);

/// <summary>
/// What an import did, or a dry run would do: rows read, entries added, rows already imported
/// (by their import key), and every rejected row. With any rejection nothing was imported.
/// </summary>
public sealed record ImportSummary(
    string FileName,
    TimesheetFormat Format,
    bool DryRun,
    int RowsRead,
    int RowsAdded,
    int RowsUnchanged,
    IReadOnlyList<ImportRejection> Rejections,
    Guid? BatchId,
    ImportKind Kind = ImportKind.Timesheets)
{
    public bool Imported => !DryRun && Rejections.Count == 0;
}

/// <summary>A file's first rows as read, for the mapping step.</summary>
public sealed record ImportPreview(TimesheetFormat Format, IReadOnlyList<string> Headers, IReadOnlyDictionary<TimesheetField, string> Mapping,
    IReadOnlyList<IReadOnlyList<string>> Rows);
