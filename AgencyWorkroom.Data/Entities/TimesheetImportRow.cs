namespace AgencyWorkroom.Data.Entities;

/// <summary>
/// agency.timesheet_import_rows: a parsed line of a timesheet import, staged for
/// <c>agency.timesheet_import_resolved</c> (045); written by COPY and one insert, never through EF.
/// </summary>
public sealed class TimesheetImportRow : TenantEntity
{
    public Guid BatchId { get; set; }

    /// <summary>The line of the file (the header is line 1).</summary>
    public int LineNo { get; set; }

    public string PersonEmail { get; set; } = "";

    public string PersonName { get; set; } = "";

    public string ClientName { get; set; } = "";

    public string CampaignCode { get; set; } = "";

    public string CampaignName { get; set; } = "";

    public DateOnly? EntryDate { get; set; }

    public decimal? Hours { get; set; }

    public bool? Billable { get; set; }

    public string? Description { get; set; }

    /// <summary>What the parser found wrong with the line's cells, in words.</summary>
    public string? Problem { get; set; }
}
