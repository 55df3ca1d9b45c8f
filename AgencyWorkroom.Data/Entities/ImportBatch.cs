namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.import_batches: one run of an admin's import (045): the file, its hash, its counts, who ran it.</summary>
public sealed class ImportBatch : TenantEntity
{
    /// <summary>clients, people or timesheets.</summary>
    public string Kind { get; set; } = "timesheets";

    public string FileName { get; set; } = "";

    /// <summary>The file's SHA-256, lower-case hex.</summary>
    public string FileSha256 { get; set; } = "";

    public int RowsRead { get; set; }

    public int? RowsAdded { get; set; }

    public int? RowsUnchanged { get; set; }

    /// <summary>The session's person when left empty; the policy holds it to the caller.</summary>
    public Guid ImportedBy { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}
