using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Notifications;

public sealed record NotificationDto(
    Guid Id, string Title, Guid? CampaignId, int? Threshold, DateTimeOffset CreatedAt, bool Read, string Kind = "budget_alert", DateOnly? WeekStartDate = null,
    Guid? ArtifactId = null)
{
    /// <summary>Where the notification leads: the campaign of a budget alert, the approvals queue for a
    /// submitted week, the artifact of a review step or a mention, else the person's own week.</summary>
    public string Href => Kind switch
    {
        "budget_alert" => $"/campaigns/{CampaignId}",
        "equipment_overdue" => CampaignId is { } campaign ? $"/campaigns/{campaign}" : "/",
        "timesheet_submitted" => "/timesheets/approvals",
        "artifact_review" or "artifact_mention" => $"/artifacts/{ArtifactId}",
        _ => WeekStartDate is { } week ? $"/timesheets?week={week:yyyy-MM-dd}" : "/timesheets",
    };
}

/// <param name="PendingApprovals">Timesheet weeks waiting for the person (agency.timesheet_weeks_awaiting_me, 021).</param>
public sealed record NotificationsDto(IReadOnlyList<NotificationDto> Alerts, long PendingApprovals)
{
    public static readonly NotificationsDto None = new([], 0);

    /// <summary>What the bell's badge counts.</summary>
    public int Unread => Alerts.Count(a => !a.Read) + (PendingApprovals > 0 ? 1 : 0);
}

/// <summary>The notifications bell: the person's budget alerts and the approvals waiting for them.</summary>
public interface INotificationFeed
{
    /// <summary>The person's own notifications and the timesheet weeks waiting for them. Reads only: the budget watch and the triggers raise them.</summary>
    Task<NotificationsDto> GetAsync(CancellationToken cancellationToken = default);

    Task MarkAllReadAsync(CancellationToken cancellationToken = default);
}

public sealed class NotificationFeed(UnitOfWork unitOfWork, ISessionContextSource session) : INotificationFeed
{
    public const int Shown = 20;

    public Task<NotificationsDto> GetAsync(CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var me = (await session.GetAsync(ct))!.EmployeeId;
            var alerts = await db.Set<Notification>()
                .Where(n => n.RecipientId == me)
                .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Threshold)
                .Take(Shown)
                .Select(n => new NotificationDto(n.Id, n.Title, n.CampaignId, n.Threshold, n.CreatedAt, n.ReadAt != null, n.Kind, n.WeekStartDate, n.ArtifactId))
                .ToListAsync(ct);
            // What waits for this person (021): the same function as the dashboard's tile and the
            // approvals page, without the rest of the tile's figures (the bell is on every page).
            var pending = await db.Database.SqlQuery<long>($"select agency.pending_timesheet_approvals() as \"Value\"")
                .SingleAsync(ct);
            return new NotificationsDto(alerts, pending);
        }, cancellationToken);

    public Task MarkAllReadAsync(CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var me = (await session.GetAsync(ct))!.EmployeeId;
            await db.Set<Notification>()
                .Where(n => n.RecipientId == me && n.ReadAt == null)
                .ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, DateTimeOffset.UtcNow), ct);
        }, cancellationToken);
}
