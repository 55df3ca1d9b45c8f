using AgencyWorkroom.Data.Views;

namespace AgencyWorkroom.Data.Features.Dashboard;

/// <summary>A row of agency.get_recent_activity: artifact edits, comments, approvals, campaign changes.</summary>
public sealed class ActivityRow
{
    public string ActivityType { get; init; } = "";

    public DateTimeOffset OccurredAt { get; init; }

    public Guid? ActorId { get; init; }

    public string? ActorName { get; init; }

    /// <summary>artifact, timesheet or campaign.</summary>
    public string EntityType { get; init; } = "";

    public Guid EntityId { get; init; }

    public string Title { get; init; } = "";

    public string? Detail { get; init; }

    public Guid? CampaignId { get; init; }
}

public sealed record TimesheetStatusDto(string Status, decimal Hours);

public sealed record AllocationDto(Guid CampaignId, string CampaignName, DateOnly WeekStartDate, decimal Hours);

/// <summary>The signed-in person's own week: their timesheet by status, artifacts in review, allocations ahead.</summary>
public sealed record PersonalPanelDto(
    IReadOnlyList<TimesheetStatusDto> MyWeek,
    IReadOnlyList<ArtifactLibraryRow> MyArtifactsInReview,
    IReadOnlyList<AllocationDto> MyAllocations);

/// <param name="Health">Open campaigns, the ones off track first.</param>
public sealed record DashboardDto(
    DashboardKpisRow Kpis,
    IReadOnlyList<CampaignOverviewRow> Health,
    IReadOnlyList<ActivityRow> Activity,
    PersonalPanelDto Personal);
