using System.Linq.Expressions;
using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Common;

/// <summary>The two writes every form makes, each one unit of work, with the database's refusals translated.</summary>
public static class EntityWrites
{
    /// <summary>Inserts the entity (then runs <paramref name="after"/> in the same unit of work); returns its new id.</summary>
    public static Task<SaveResult> InsertAsync<T>(
        this UnitOfWork unitOfWork,
        WriteErrors errors,
        T entity,
        CancellationToken cancellationToken,
        Func<WorkroomDbContext, T, CancellationToken, Task>? after = null)
        where T : TenantEntity =>
        errors.RunAsync(() => unitOfWork.RunAsync<Guid?>(async (db, ct) =>
        {
            db.Add(entity);
            await db.SaveChangesAsync(ct);
            if (after is not null)
            {
                await after(db, entity, ct);
            }

            return entity.Id;
        }, cancellationToken));

    /// <summary>Changes the one entity that matches; one the caller cannot see or may not change counts as refused.</summary>
    public static Task<SaveResult> UpdateAsync<T>(
        this UnitOfWork unitOfWork,
        WriteErrors errors,
        Expression<Func<T, bool>> match,
        Action<T> apply,
        CancellationToken cancellationToken)
        where T : TenantEntity =>
        errors.RunAsync(() => unitOfWork.RunAsync<Guid?>(async (db, ct) =>
        {
            var entity = await db.Set<T>().SingleOrDefaultAsync(match, ct);
            if (entity is null)
            {
                return null;
            }

            apply(entity);
            // Row-level security that lets a row be read but not written makes this change no
            // row, which EF reports as a concurrency failure and WriteErrors as refused.
            await db.SaveChangesAsync(ct);
            return entity.Id;
        }, cancellationToken));
}
