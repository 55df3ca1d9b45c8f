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

    private sealed class FixedSessionContext(SessionContext context) : ISessionContextSource
    {
        public Task<SessionContext?> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult<SessionContext?>(context);
    }
}
