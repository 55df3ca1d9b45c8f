using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgencyWorkroom.Data.Features.Timesheets;

/// <summary>
/// From Monday noon, reminds the people whose previous week is not submitted (time still draft
/// or rejected, or none at all), once per week (a unique index, 021), in each tenant as its system
/// actor (decision 007), every hour. The server's clock says when noon is.
/// </summary>
public sealed class TimesheetReminders(SystemUnitOfWork system, ILogger<TimesheetReminders> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>The week reminders are due for at <paramref name="now"/>: the previous one, from Monday noon; none before.</summary>
    public static DateOnly? DueWeek(DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var monday = Weeks.StartOf(today);
        return today == monday && now.Hour < 12 ? null : monday.AddDays(-7);
    }

    /// <summary>Reminds, in one tenant, the people of <paramref name="week"/>; returns how many were reminded now.</summary>
    public Task<int> RunAsync(Guid tenantId, DateOnly week, CancellationToken cancellationToken = default) =>
        system.RunAsync(tenantId, (db, ct) =>
            db.Database.SqlQuery<int>($"select agency.raise_timesheet_reminders({week}) as \"Value\"").SingleAsync(ct), cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            if (DueWeek(DateTime.Now) is { } week)
            {
                await VisitEveryTenantAsync(week, stoppingToken);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task VisitEveryTenantAsync(DateOnly week, CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> tenants;
        try
        {
            tenants = await system.TenantsAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Timesheet reminders could not list the tenants; they try again in {Interval}", Interval);
            return;
        }

        foreach (var tenant in tenants)
        {
            try
            {
                var reminded = await RunAsync(tenant, week, cancellationToken);
                if (reminded > 0)
                {
                    logger.LogInformation("Reminded {People} people of the week of {Week} in tenant {TenantId}", reminded, week, tenant);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Timesheet reminders failed in tenant {TenantId}; they try again in {Interval}", tenant, Interval);
            }
        }
    }
}
