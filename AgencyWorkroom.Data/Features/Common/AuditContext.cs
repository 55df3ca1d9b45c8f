using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Common;

/// <summary>
/// Names the action and the reason that <c>agency.audit_change()</c> records for the writes that
/// follow in the same unit of work (020). Both are transaction-local, so they end with it.
/// </summary>
public static class AuditContext
{
    public static Task SetAsync(DbContext db, string action, string? reason, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"select set_config('app.audit_action', {action}, true), set_config('app.audit_reason', {reason ?? ""}, true)",
            cancellationToken);
}
