using System.Linq.Expressions;
using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AgencyWorkroom.Data.Features.Common;

/// <summary>The two writes every form makes, each one unit of work, with the database's refusals translated.</summary>
public static class EntityWrites
{
    /// <summary>
    /// Inserts the entity under the form's id (then runs <paramref name="after"/> in the same unit
    /// of work); returns that id. The same form sent again finds its row already there and counts
    /// as saved, so a retried request or a second click never makes a second row.
    /// </summary>
    public static Task<SaveResult> InsertAsync<T>(
        this UnitOfWork unitOfWork,
        WriteErrors errors,
        RowForm form,
        T entity,
        CancellationToken cancellationToken,
        Func<WorkroomDbContext, T, CancellationToken, Task>? after = null)
        where T : AuditedEntity =>
        errors.RunAsync(async () =>
        {
            entity.Id = form.Id;
            try
            {
                return await unitOfWork.RunAsync<Guid?>(async (db, ct) =>
                {
                    db.Add(entity);
                    await db.SaveChangesAsync(ct);
                    if (after is not null)
                    {
                        await after(db, entity, ct);
                    }

                    return entity.Id;
                }, cancellationToken);
            }
            catch (DbUpdateException ex) when (IsPrimaryKeyViolation(ex))
            {
                // The failed insert ended its transaction; a new unit of work asks whose row it is.
                if (await InsertedBySessionPersonAsync<T>(unitOfWork, form.Id, cancellationToken))
                {
                    return form.Id;
                }

                throw;
            }
        });

    /// <summary>
    /// Changes the one entity that matches, provided it is still at <paramref name="version"/> (when
    /// given): a save over someone else's change is a conflict that names them. One the caller cannot
    /// see or may not change counts as refused.
    /// </summary>
    public static Task<SaveResult> UpdateAsync<T>(
        this UnitOfWork unitOfWork,
        WriteErrors errors,
        Expression<Func<T, bool>> match,
        uint? version,
        Action<T> apply,
        CancellationToken cancellationToken)
        where T : AuditedEntity, IVersionedEntity =>
        errors.RunAsync(async () =>
        {
            Guid? id = null;
            try
            {
                var saved = await unitOfWork.RunAsync<Guid?>(async (db, ct) =>
                {
                    var entity = await db.Set<T>().SingleOrDefaultAsync(match, ct);
                    if (entity is null)
                    {
                        return null;
                    }

                    id = entity.Id;
                    if (version is { } expected)
                    {
                        // EF sends UPDATE ... WHERE xmin = @expected: no row changes if someone saved since.
                        db.Entry(entity).Property(e => e.Version).OriginalValue = expected;
                    }

                    apply(entity);
                    await db.SaveChangesAsync(ct);
                    return entity.Id;
                }, cancellationToken);
                return saved is { } savedId ? SaveResult.Saved(savedId) : SaveResult.Refused(errors.Refused);
            }
            catch (DbUpdateConcurrencyException) when (id is { } changed && version is { } expected)
            {
                // Row-level security that lets a row be read but not written changes no row either:
                // only a newer version of a row still readable means someone else saved in between.
                // (Without a version from the form, no row changed means refused: WriteErrors says so.)
                return await ConflictAsync<T>(unitOfWork, changed, expected, cancellationToken) ?? SaveResult.Refused(errors.Refused);
            }
        });

    private static bool IsPrimaryKeyViolation(DbUpdateException ex) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: { } name }
        && name.EndsWith("_pkey", StringComparison.Ordinal);

    private static Task<bool> InsertedBySessionPersonAsync<T>(UnitOfWork unitOfWork, Guid id, CancellationToken cancellationToken)
        where T : AuditedEntity =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var me = await db.Database.SqlQuery<Guid?>($"select agency.current_user_id() as \"Value\"").SingleAsync(ct);
            return await db.Set<T>().AnyAsync(e => e.Id == id && e.CreatedBy == me, ct);
        }, cancellationToken);

    private static Task<SaveResult?> ConflictAsync<T>(UnitOfWork unitOfWork, Guid id, uint version, CancellationToken cancellationToken)
        where T : AuditedEntity, IVersionedEntity =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var now = await db.Set<T>()
                .Where(e => e.Id == id)
                .Select(e => new
                {
                    e.Version,
                    e.UpdatedAt,
                    ChangedBy = db.Set<Employee>().Where(p => p.Id == e.UpdatedBy).Select(p => p.FullName).FirstOrDefault(),
                })
                .SingleOrDefaultAsync(ct);
            return now is not null && now.Version != version ? SaveResult.Conflict(now.ChangedBy, now.UpdatedAt, now.Version) : null;
        }, cancellationToken);
}
