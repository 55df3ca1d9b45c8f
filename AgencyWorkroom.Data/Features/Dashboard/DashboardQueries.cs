using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Session;
using AgencyWorkroom.Data.Views;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Dashboard;

public interface IDashboardQueries
{
    Task<DashboardDto> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>The headline figures alone (v_dashboard_kpis, money null unless finance or leadership): the launcher's Workroom card.</summary>
    Task<DashboardKpisRow> GetKpisAsync(CancellationToken cancellationToken = default);
}

/// <summary>The home screen, from agency.v_dashboard_kpis, v_campaign_overview and get_recent_activity.</summary>
public sealed class DashboardQueries(UnitOfWork unitOfWork, ISessionContextSource session) : IDashboardQueries
{
    public const int HealthShown = 8;
    public const int ActivityShown = 15;

    private static readonly string[] OpenStatuses = ["planning", "active", "on_hold"];

    /// <remarks>
    /// Three units of work at once, each on its own connection: the figures, the health list and
    /// the feed do not wait for each other (at x20 they took 85 ms one after another, and the
    /// health list alone 45 ms). Each reads its own snapshot; a dashboard is a glance, not a ledger.
    /// </remarks>
    public async Task<DashboardDto> GetAsync(CancellationToken cancellationToken = default)
    {
        var figures = unitOfWork.RunAsync(async (db, ct) =>
        {
            var me = (await session.GetAsync(ct))!.EmployeeId;
            var kpis = await db.Set<DashboardKpisRow>().AsNoTracking().SingleAsync(ct);
            return (Kpis: kpis, Personal: await PersonalAsync(db, me, kpis.WeekStartDate, ct));
        }, cancellationToken);
        var health = unitOfWork.RunAsync(async (db, ct) =>
        {
            // The open campaigns most in need of a look, ordered from the health summary (017)
            // alone; then the overview rows of those few, not of every open campaign (783 at x20).
            var worst = await db.Database.SqlQuery<Guid>($"""
                select c.id as "Value"
                from agency.campaigns c
                left join agency.campaign_health h on h.tenant_id = c.tenant_id and h.campaign_id = c.id
                where c.deleted_at is null and c.status = any ({OpenStatuses})
                order by case h.health when 'off_track' then 0 when 'at_risk' then 1 else 2 end, c.end_date, c.id
                limit {HealthShown}
                """).ToListAsync(ct);
            var rows = await db.Set<CampaignOverviewRow>().AsNoTracking().Where(c => worst.Contains(c.CampaignId)).ToListAsync(ct);
            return worst.Join(rows, id => id, row => row.CampaignId, (_, row) => row).ToList();
        }, cancellationToken);
        // Column names follow the snake_case convention, as for the mapped views.
        var activity = unitOfWork.RunAsync((db, ct) => db.Database.SqlQuery<ActivityRow>($"""
            select * from agency.get_recent_activity({ActivityShown}, null)
            """).ToListAsync(ct), cancellationToken);
        await Task.WhenAll(figures, health, activity);
        var (kpis, personal) = await figures;
        return new DashboardDto(kpis, await health, await activity, personal);
    }

    public Task<DashboardKpisRow> GetKpisAsync(CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync((db, ct) => db.Set<DashboardKpisRow>().AsNoTracking().SingleAsync(ct), cancellationToken);

    private static async Task<PersonalPanelDto> PersonalAsync(WorkroomDbContext db, Guid me, DateOnly week, CancellationToken ct)
    {
        var myWeek = await db.Set<TimesheetEntry>()
            .Where(t => t.EmployeeId == me && t.WeekStartDate == week)
            .GroupBy(t => t.Status)
            .Select(g => new TimesheetStatusDto(g.Key, g.Sum(t => t.Hours)))
            .ToListAsync(ct);
        var inReview = await db.Set<ArtifactLibraryRow>().AsNoTracking()
            .Where(a => a.OwnerId == me && a.Status == "in_review")
            .OrderByDescending(a => a.UpdatedAt)
            .Take(5)
            .ToListAsync(ct);
        var allocations = await db.Set<TeamAllocation>()
            .Where(a => a.EmployeeId == me && a.WeekStartDate >= week)
            .Join(db.Set<Campaign>(), a => a.CampaignId, c => c.Id, (a, c) => new { a, c.Name })
            .OrderBy(x => x.a.WeekStartDate).ThenBy(x => x.Name)
            .Take(8)
            .Select(x => new AllocationDto(x.a.CampaignId, x.Name, x.a.WeekStartDate, x.a.Hours))
            .ToListAsync(ct);
        return new PersonalPanelDto(myWeek, inReview, allocations);
    }
}
