using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AgencyWorkroom.Data.Session;

/// <summary>Units of work for a person named explicitly, where no circuit carries one (sign-in).</summary>
public sealed class UnitOfWorkFactory(IDbContextFactory<WorkroomDbContext> contexts, ILogger<UnitOfWork> logger)
{
    public UnitOfWork For(SessionContext context) => new(contexts, new FixedSessionContext(context), logger);

    /// <summary>Whether the person may work in the tenant now: an active, undeleted employee.</summary>
    public async Task<bool> IsActiveMemberAsync(SessionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await For(context).RunAsync((_, _) => Task.CompletedTask, cancellationToken);
            return true;
        }
        catch (AccessRevokedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether the person must sign in with two-factor (046 <c>agency.must_use_two_factor</c>: their
    /// agency requires it of finance and admins, and they are one), asked as the person.
    /// </summary>
    public Task<bool> MustUseTwoFactorAsync(SessionContext context, CancellationToken cancellationToken = default) =>
        For(context).RunAsync((db, ct) =>
            db.Database.SqlQuery<bool>($"select agency.must_use_two_factor() as \"Value\"").SingleAsync(ct), cancellationToken);

    private sealed class FixedSessionContext(SessionContext context) : ISessionContextSource
    {
        public Task<SessionContext?> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult<SessionContext?>(context);
    }
}
