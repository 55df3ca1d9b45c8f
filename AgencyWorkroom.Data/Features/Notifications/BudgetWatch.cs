using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgencyWorkroom.Data.Features.Notifications;

/// <summary>What one visit of the budget watch did in a tenant.</summary>
/// <param name="OverdueRaised">Notifications of equipment overdue raised now (041: the holder and the campaign's project managers, once).</param>
public sealed record BudgetWatchResult(int HealthRefreshed, int AlertsRaised, int OverdueRaised = 0);

/// <summary>
/// Raises budget alerts, and judges again the health that the calendar changes, every minute,
/// in each tenant as its system actor (018, decision 007).
/// </summary>
/// <remarks>
/// Why a job and not the summary triggers that keep budget use (017): those run inside the
/// writer's transaction, so a timesheet save would pay for the alerts' fan-out to every
/// recipient and hold their rows; and no write at all happens when a campaign passes its end
/// date or equipment stays out another day, which only a clock notices. An alert is at most a
/// minute late.
/// </remarks>
public sealed class BudgetWatch(SystemUnitOfWork system, ILogger<BudgetWatch> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>One visit to one tenant: health refreshed where time has passed, then the alerts now due raised.</summary>
    public Task<BudgetWatchResult> RunAsync(Guid tenantId, CancellationToken cancellationToken = default) =>
        system.RunAsync(tenantId, async (db, ct) =>
        {
            var refreshed = await db.Database.SqlQuery<int>($"select agency.refresh_stale_campaign_health() as \"Value\"").SingleAsync(ct);
            var raised = await db.Database.SqlQuery<int>($"select agency.raise_budget_alerts() as \"Value\"").SingleAsync(ct);
            var overdue = await db.Database.SqlQuery<int>($"select agency.raise_overdue_equipment_alerts() as \"Value\"").SingleAsync(ct);
            return new BudgetWatchResult(refreshed, raised, overdue);
        }, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            await VisitEveryTenantAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task VisitEveryTenantAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> tenants;
        try
        {
            tenants = await system.TenantsAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database away, say: the next tick tries again; the app goes on serving.
            logger.LogWarning(ex, "The budget watch could not list the tenants; it tries again in {Interval}", Interval);
            return;
        }

        foreach (var tenant in tenants)
        {
            // One tenant that fails (its data, a lock timeout) does not stop the watch for the others.
            try
            {
                var result = await RunAsync(tenant, cancellationToken);
                if (result.OverdueRaised > 0)
                {
                    logger.LogInformation("Raised {Alerts} overdue equipment notifications in tenant {TenantId}", result.OverdueRaised, tenant);
                }

                if (result.AlertsRaised > 0)
                {
                    logger.LogInformation("Raised {Alerts} budget alerts in tenant {TenantId}", result.AlertsRaised, tenant);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The budget watch failed in tenant {TenantId}; it tries again in {Interval}", tenant, Interval);
            }
        }
    }
}
