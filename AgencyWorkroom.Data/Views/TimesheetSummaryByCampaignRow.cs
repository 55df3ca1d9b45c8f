namespace AgencyWorkroom.Data.Views;

/// <summary>
/// A row of agency.v_timesheet_summary_by_campaign: one campaign's hours in one week, by status.
/// Revenue and labour cost are null unless the session's role is finance or leadership.
/// </summary>
public sealed class TimesheetSummaryByCampaignRow
{
    public Guid TenantId { get; init; }

    public Guid CampaignId { get; init; }

    public string CampaignCode { get; init; } = "";

    public string CampaignName { get; init; } = "";

    public Guid ClientId { get; init; }

    public DateOnly WeekStartDate { get; init; }

    public decimal TotalHours { get; init; }

    public decimal BillableHours { get; init; }

    public decimal NonBillableHours { get; init; }

    public decimal DraftHours { get; init; }

    public decimal SubmittedHours { get; init; }

    public decimal ApprovedHours { get; init; }

    public long EntryCount { get; init; }

    public long EmployeeCount { get; init; }

    public decimal? Revenue { get; init; }

    public decimal? LaborCost { get; init; }
}
