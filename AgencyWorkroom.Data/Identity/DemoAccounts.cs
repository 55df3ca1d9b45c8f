using AgencyWorkroom.Data.Features.Common;
using Npgsql;

namespace AgencyWorkroom.Data.Identity;

/// <summary>
/// The sign-in accounts of the demo tenants: one per agency role in each, all with one
/// published password. Only ever written for the demo tenants' own employees.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "Workroom-demo-1";

    public static readonly string[] TenantSlugs = ["northwind", "bluebird"];

    public static IEnumerable<string> Emails =>
        TenantSlugs.SelectMany(slug => AgencyRoles.All.Select(role => EmailOf(role, slug)));

    public static string EmailOf(string role, string tenantSlug) => $"{role}@{tenantSlug}.demo";

    /// <summary>Creates or refreshes the account of each demo person, with the demo password.</summary>
    public static Task EnsureAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        IEnumerable<(Guid TenantId, Guid EmployeeId, string Email)> people,
        CancellationToken cancellationToken = default) =>
        SignInAccounts.UpsertAsync(connection, transaction, people, Password, cancellationToken);
}
