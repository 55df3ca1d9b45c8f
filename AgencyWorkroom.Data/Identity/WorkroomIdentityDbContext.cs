using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Identity;

/// <summary>
/// The sign-in store and the Data Protection key ring, in schema <c>identity</c> created by
/// <c>008_identity_and_sessions.sql</c>. No roles table: agency roles live on employees.
/// </summary>
public sealed class WorkroomIdentityDbContext(DbContextOptions<WorkroomIdentityDbContext> options)
    : IdentityUserContext<ApplicationUser, Guid>(options), IDataProtectionKeyContext
{
    public const string Schema = "identity";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<ApplicationUser>(user =>
        {
            user.ToTable("users", Schema);
            user.HasIndex(u => new { u.TenantId, u.EmployeeId }).IsUnique();
        });
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims", Schema);
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins", Schema);
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens", Schema);
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys", Schema);
    }
}
