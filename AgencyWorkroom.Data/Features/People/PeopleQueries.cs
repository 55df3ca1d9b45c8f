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
    public Task<MeDto> GetMeAsync(CancellationToken cancellationToken = default) =>
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
            .Select(e => new PersonDto(e.Id, e.FullName, e.Email, e.Title, e.Department, e.AgencyRole, e.Active, e.UserId != null))
            .ToListAsync(ct), cancellationToken);
}
