using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Identity;
using AgencyWorkroom.Data.Session;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AgencyWorkroom.Data.Features.People;

/// <summary>An admin's changes to the tenant's people. Row-level security admits only admins.</summary>
public sealed class PeopleCommands(UnitOfWork unitOfWork, ISessionContextSource session, IServiceScopeFactory scopes)
{
    /// <summary>Creates the employee and their sign-in account; returns the errors to show, if any.</summary>
    public async Task<IReadOnlyList<string>> CreateAsync(NewPersonForm form, CancellationToken cancellationToken = default)
    {
        // A circuit lives for hours; Identity's store is a DbContext, so it gets a scope per operation.
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var tenantId = (await session.GetAsync(cancellationToken) ?? throw new NoSessionContextException()).TenantId;
        var email = form.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return ["Someone already signs in with that email address."];
        }

        var user = new ApplicationUser { Id = Guid.NewGuid(), TenantId = tenantId, UserName = email, Email = email, EmailConfirmed = true };
        var passwordErrors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, form.Password);
            passwordErrors.AddRange(result.Errors.Select(e => e.Description));
        }

        if (passwordErrors.Count > 0)
        {
            return passwordErrors;
        }

        try
        {
            user.EmployeeId = await InsertEmployeeAsync(form, email, user.Id, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege })
        {
            return ["Only admins can add people."];
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return ["Someone at this agency already has that email address."];
        }

        var created = await users.CreateAsync(user, form.Password);
        if (!created.Succeeded)
        {
            // Keep people and accounts in step: no employee row claims an account that does not exist.
            await unitOfWork.RunAsync((db, ct) => db.Set<Employee>().Where(e => e.Id == user.EmployeeId).ExecuteDeleteAsync(ct), cancellationToken);
            return [.. created.Errors.Select(e => e.Description)];
        }

        return [];
    }

    private Task<Guid> InsertEmployeeAsync(NewPersonForm form, string email, Guid accountId, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var person = new Employee
            {
                FullName = form.FullName.Trim(),
                Email = email,
                Title = Blank(form.Title),
                Department = Blank(form.Department),
                AgencyRole = form.Role,
                UserId = accountId,
            };
            db.Add(person);
            await db.SaveChangesAsync(ct);
            return person.Id;
        }, cancellationToken);

    /// <summary>Counts from the person's next operation: every unit of work reads the role afresh.</summary>
    public Task<bool> SetRoleAsync(Guid employeeId, string role, CancellationToken cancellationToken = default) =>
        UpdateAsync(employeeId, e => e.SetProperty(p => p.AgencyRole, role), cancellationToken);

    /// <summary>A deactivated person cannot sign in and their open sessions stop working; their history stays.</summary>
    public Task<bool> SetActiveAsync(Guid employeeId, bool active, CancellationToken cancellationToken = default) =>
        UpdateAsync(employeeId, e => e.SetProperty(p => p.Active, active), cancellationToken);

    private Task<bool> UpdateAsync(
        Guid employeeId,
        Action<UpdateSettersBuilder<Employee>> setters,
        CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async (db, ct) =>
            await db.Set<Employee>().Where(e => e.Id == employeeId).ExecuteUpdateAsync(setters, ct) == 1, cancellationToken);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
