using AgencyWorkroom.Benchmarks.Database;
using AgencyWorkroom.Data.Identity;

namespace AgencyWorkroom.Benchmarks.Web;

/// <summary>
/// The sign-in account of the scale tenant's leadership person (<c>leadership@scale.demo</c>,
/// the demo password), created or refreshed for the page benchmarks.
/// </summary>
public static class BenchAccount
{
    public static async Task EnsureAsync(BenchDatabase db)
    {
        await using var connection = await db.Maintenance.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await SignInAccounts.UpsertAsync(connection, transaction,
            [(db.Tenant.Id, db.Tenant.Leadership, db.Tenant.LeadershipEmail)], DemoAccounts.Password);
        await transaction.CommitAsync();
    }
}
