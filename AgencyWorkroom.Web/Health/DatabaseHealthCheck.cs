using AgencyWorkroom.Data.Features.Status;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AgencyWorkroom.Web.Health;

/// <summary>Healthy when the database answers and every migration the app knows is applied.</summary>
public sealed class DatabaseHealthCheck(IDatabaseStatus status) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var current = await status.GetStatusAsync(cancellationToken);
        var data = new Dictionary<string, object> { ["level"] = current.Level ?? 0, ["expected"] = current.Expected };
        if (!current.Connected)
        {
            return HealthCheckResult.Unhealthy("Database not reachable", data: data);
        }

        return current.UpToDate
            ? HealthCheckResult.Healthy($"Database connected; migration level {current.Level:D3}", data)
            : HealthCheckResult.Unhealthy($"Migrations behind: {current.Level ?? 0} of {current.Expected} applied", data: data);
    }
}
