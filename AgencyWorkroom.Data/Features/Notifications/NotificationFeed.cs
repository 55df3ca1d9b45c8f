using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Notifications;

public sealed record NotificationDto(Guid Id, string Title, Guid CampaignId, int Threshold, DateTimeOffset CreatedAt, bool Read);

/// <param name="PendingApprovals">Timesheet weeks waiting for approval; counted for project managers, who approve them.</param>
public sealed record NotificationsDto(IReadOnlyList<NotificationDto> Alerts, long PendingApprovals)
{
    public static readonly NotificationsDto None = new([], 0);

    /// <summary>What the bell's badge counts.</summary>
    public int Unread => Alerts.Count(a => !a.Read) + (PendingApprovals > 0 ? 1 : 0);
}

/// <summary>The notifications bell: the person's budget alerts and the approvals waiting for them.</summary>
public interface INotificationFeed
{
    /// <summary>The person's own alerts and, for project managers, the weeks waiting for approval. Reads only: the budget watch raises alerts.</summary>
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
                .Select(n => new NotificationDto(n.Id, n.Title, n.CampaignId, n.Threshold, n.CreatedAt, n.ReadAt != null))
                .ToListAsync(ct);
            // The role the unit of work just read; the same count as the dashboard's tile, without
            // the rest of its figures (the bell is on every page).
            var pending = await db.Database.SqlQuery<long>(
                $"select case when agency.has_role('pm') then agency.pending_timesheet_approvals() else 0 end as \"Value\"")
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
