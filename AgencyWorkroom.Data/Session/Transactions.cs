using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AgencyWorkroom.Data.Session;

/// <summary>The shape every unit of work shares, a person's or the system's: one context, one transaction, a start, the work, the commit.</summary>
internal static class Transactions
{
    /// <param name="start">The transaction's first statement, which sets the session context; given a command bound to the transaction.</param>
    public static async Task<T> RunAsync<T>(
        IDbContextFactory<WorkroomDbContext> contexts,
        Func<DbCommand, CancellationToken, Task> start,
        Func<WorkroomDbContext, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using (var command = db.Database.GetDbConnection().CreateCommand())
        {
            command.Transaction = transaction.GetDbTransaction();
            await start(command, cancellationToken);
        }

        var result = await work(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
