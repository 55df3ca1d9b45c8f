using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace AgencyWorkroom.Data.Identity;

/// <summary>Accounts written in bulk by loaders (demo data, test worlds), hashed as Identity would.</summary>
public static class SignInAccounts
{
    /// <summary>
    /// Creates or refreshes one account per person (tenant, employee, email) with the given password
    /// and links the employee to it. Runs on the caller's connection and transaction, so accounts and
    /// employees land together; the caller's role must be allowed to update those employees.
    /// </summary>
    public static async Task UpsertAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        IEnumerable<(Guid TenantId, Guid EmployeeId, string Email)> people,
        string password,
        CancellationToken cancellationToken = default)
    {
        var hasher = new PasswordHasher<ApplicationUser>();
        var normalizer = new UpperInvariantLookupNormalizer();
        foreach (var (tenantId, employeeId, email) in people)
        {
            var user = new ApplicationUser { Id = AccountId(email), TenantId = tenantId, EmployeeId = employeeId, UserName = email, Email = email };
            await using var command = new NpgsqlCommand(
                """
                insert into identity.users (id, tenant_id, employee_id, user_name, normalized_user_name, email, normalized_email,
                                            email_confirmed, password_hash, security_stamp, concurrency_stamp, lockout_enabled)
                values (@id, @tenant, @employee, @email, @normalized, @email, @normalized, true, @hash, @stamp, @stamp, true)
                on conflict (normalized_user_name) do update
                  set tenant_id = excluded.tenant_id, employee_id = excluded.employee_id, password_hash = excluded.password_hash,
                      security_stamp = excluded.security_stamp, access_failed_count = 0, lockout_end = null;
                update agency.employees set user_id = @id where tenant_id = @tenant and id = @employee;
                """,
                connection,
                transaction);
            command.Parameters.AddWithValue("id", user.Id);
            command.Parameters.AddWithValue("tenant", tenantId);
            command.Parameters.AddWithValue("employee", employeeId);
            command.Parameters.AddWithValue("email", email);
            command.Parameters.AddWithValue("normalized", normalizer.NormalizeEmail(email)!);
            command.Parameters.AddWithValue("hash", hasher.HashPassword(user, password));
            command.Parameters.AddWithValue("stamp", Guid.NewGuid().ToString("N"));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // The same id for the same address on every reload, so links to the account survive a reseed.
    private static Guid AccountId(string email) => new(MD5.HashData(Encoding.UTF8.GetBytes("account:" + email.ToUpperInvariant())));
}
