using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.People;

/// <summary>Reads of the tenant's people; an interface so components can be tested without a database.</summary>
public interface IPeopleQueries
{
    Task<MeDto> GetMeAsync(CancellationToken cancellationToken = default);

    Task<List<PersonDto>> ListAsync(CancellationToken cancellationToken = default);
}

public sealed class PeopleQueries(UnitOfWork unitOfWork, ISessionContextSource session) : IPeopleQueries
{
    private Task<MeDto>? _me;

    /// <remarks>
    /// Read once per scope (a circuit, or a request): the layout and every page ask for it, and
    /// the layout shows it for the circuit's life already. A read that failed or was cancelled is
    /// tried again. Rights do not depend on it: each unit of work reads the role afresh.
    /// </remarks>
    public Task<MeDto> GetMeAsync(CancellationToken cancellationToken = default) =>
        _me is { IsFaulted: false, IsCanceled: false } me ? me : _me = ReadMeAsync(cancellationToken);

    private Task<MeDto> ReadMeAsync(CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var employeeId = (await session.GetAsync(ct))!.EmployeeId;
            var tenantName = await db.Set<Tenant>().Select(t => t.Name).SingleAsync(ct);
            var me = await db.Set<Employee>()
                .Where(e => e.Id == employeeId)
                .Select(e => new { e.Id, e.FullName, e.AgencyRole })
                .SingleAsync(ct);
            return new MeDto(me.Id, me.FullName, me.AgencyRole, tenantName);
        }, cancellationToken);

    public Task<List<PersonDto>> ListAsync(CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync((db, ct) => db.Set<Employee>()
            .Where(e => e.DeletedAt == null)
            .OrderBy(e => e.FullName)
            .Select(e => new PersonDto(e.Id, e.FullName, e.Email, e.Title, e.Department, e.AgencyRole, e.Active, e.UserId != null && e.AccountPendingSince == null, e.AccountPendingSince != null))
            .ToListAsync(ct), cancellationToken);
}
