using System.Linq.Expressions;
using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Identity;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Npgsql;

namespace AgencyWorkroom.Data.Features.People;

/// <summary>An admin's changes to the tenant's people; an interface so the People page can be tested without a database.</summary>
public interface IPeopleCommands
{
    /// <summary>
    /// Adds the person and their sign-in account; returns the employee's id, or the messages to
    /// show. Sent again with the email of a pending person, it finishes adding them.
    /// </summary>
    Task<SaveResult> CreateAsync(NewPersonForm form, CancellationToken cancellationToken = default);

    /// <summary>Counts from the person's next operation: every unit of work reads the role afresh.</summary>
    Task<bool> SetRoleAsync(Guid employeeId, string role, CancellationToken cancellationToken = default);

    /// <summary>A deactivated person cannot sign in and their open sessions stop working; their history stays.</summary>
    Task<bool> SetActiveAsync(Guid employeeId, bool active, CancellationToken cancellationToken = default);

    /// <summary>
    /// A one-time password-reset code for an active person of the tenant with an account, for an
    /// admin to hand over as a link; null when the caller is not an admin or the person is not one
    /// that can be reset (decision 026).
    /// </summary>
    Task<PasswordReset?> CreatePasswordResetAsync(Guid employeeId, CancellationToken cancellationToken = default) =>
        Task.FromResult<PasswordReset?>(null);

    /// <summary>
    /// Gives the people an import added (and who have none) a sign-in account each, as adding a
    /// person does (pending, the account, then active), with a random password nobody knows and a
    /// one-time reset link's code to hand over instead. Nothing for anyone but an admin.
    /// </summary>
    Task<IReadOnlyList<ImportedAccount>> GiveImportedAccountsAsync(Guid batchId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ImportedAccount>>([]);
}

/// <summary>An imported person's new account: the reset to hand over, or why they have none.</summary>
public sealed record ImportedAccount(Guid EmployeeId, string FullName, string Email, PasswordReset? Reset, string? Problem);

/// <summary>The account a reset is for and Identity's token, which the reset link carries.</summary>
public sealed record PasswordReset(Guid AccountId, string Token);

/// <summary>
/// Row-level security admits only admins. Adding a person spans two stores, so it goes in steps
/// that a retry can finish (019): the employee row as pending (not active, so no sign-in), then
/// the account under the id the row already names, then the row active.
/// </summary>
public sealed class PeopleCommands(UnitOfWork unitOfWork, ISessionContextSource session, IAccountStore accounts) : IPeopleCommands
{
    public const string RefusedMessage = "Only admins can add people.";

    /// <summary>
    /// One answer whether the email is this agency's person's or another agency's account: a second
    /// message would tell an admin that some other tenant has that person (decision 026).
    /// </summary>
    public const string EmailInUse = "That email address is already in use. Use another one.";

    public async Task<SaveResult> CreateAsync(NewPersonForm form, CancellationToken cancellationToken = default)
    {
        var tenantId = (await session.GetAsync(cancellationToken) ?? throw new NoSessionContextException()).TenantId;
        var email = form.Email.Trim();
        var passwordErrors = await accounts.ValidatePasswordAsync(new ApplicationUser { UserName = email, Email = email }, form.Password);
        if (passwordErrors.Count > 0)
        {
            return SaveResult.Field(nameof(NewPersonForm.Password), string.Join(" ", passwordErrors));
        }

        var accountId = await accounts.FindIdByEmailAsync(email);
        Pending? person;
        SaveResult? answer;
        try
        {
            (person, answer) = await FindOrAddPendingAsync(form, email, accountId is null, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege })
        {
            return SaveResult.Refused(RefusedMessage);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return SaveResult.Field(nameof(NewPersonForm.Email), EmailInUse);
        }

        if (person is null)
        {
            return answer ?? SaveResult.Refused(RefusedMessage);
        }

        if (accountId is null)
        {
            var user = new ApplicationUser
            {
                Id = person.AccountId, TenantId = tenantId, EmployeeId = person.Id, UserName = email, Email = email, EmailConfirmed = true,
            };
            var accountErrors = await accounts.CreateAsync(user, form.Password);
            if (accountErrors.Count > 0)
            {
                // The person stays pending, to be finished once the account can be made.
                return SaveResult.Refused(string.Join(" ", accountErrors));
            }
        }
        else if (accountId != person.AccountId)
        {
            return SaveResult.Field(nameof(NewPersonForm.Email), EmailInUse);
        }

        // No row changed: the admin lost the right meanwhile (the person stays pending, to be finished).
        var activated = await unitOfWork.RunAsync((db, ct) => db.Set<Employee>()
            .Where(e => e.Id == person.Id && e.AccountPendingSince != null)
            .ExecuteUpdateAsync(e => e.SetProperty(p => p.Active, true).SetProperty(p => p.AccountPendingSince, (DateTimeOffset?)null), ct), cancellationToken);
        return activated == 1 ? SaveResult.Saved(person.Id) : SaveResult.Refused(RefusedMessage);
    }

    public Task<bool> SetRoleAsync(Guid employeeId, string role, CancellationToken cancellationToken = default) =>
        UpdateAsync(e => e.Id == employeeId, e => e.SetProperty(p => p.AgencyRole, role), cancellationToken);

    public async Task<PasswordReset?> CreatePasswordResetAsync(Guid employeeId, CancellationToken cancellationToken = default)
    {
        var tenantId = (await session.GetAsync(cancellationToken) ?? throw new NoSessionContextException()).TenantId;
        // The update is the admin check: row-level security lets only an admin of the tenant change
        // the row (employee_manage; the no-op write is what it judges), and only an active, finished person qualifies.
        var accountId = await unitOfWork.RunAsync(async (db, ct) =>
        {
            var touched = await db.Set<Employee>()
                .Where(e => e.Id == employeeId && e.Active && e.UserId != null && e.AccountPendingSince == null)
                .ExecuteUpdateAsync(e => e.SetProperty(p => p.AccountPendingSince, (DateTimeOffset?)null), ct);
            return touched == 1
                ? await db.Set<Employee>().Where(e => e.Id == employeeId).Select(e => e.UserId).SingleAsync(ct)
                : null;
        }, cancellationToken);
        return accountId is { } id && await accounts.CreatePasswordResetTokenAsync(tenantId, id) is { } token
            ? new PasswordReset(id, token)
            : null;
    }

    public async Task<IReadOnlyList<ImportedAccount>> GiveImportedAccountsAsync(Guid batchId, CancellationToken cancellationToken = default)
    {
        var tenantId = (await session.GetAsync(cancellationToken) ?? throw new NoSessionContextException()).TenantId;
        var people = await unitOfWork.RunAsync((db, ct) => db.Set<Employee>()
            .Where(e => e.ImportBatchId == batchId && e.UserId == null && e.Active && e.DeletedAt == null)
            .OrderBy(e => e.FullName)
            .Select(e => new { e.Id, e.FullName, e.Email })
            .ToListAsync(ct), cancellationToken);
        var answers = new List<ImportedAccount>();
        foreach (var person in people)
        {
            if (await accounts.FindIdByEmailAsync(person.Email) is not null)
            {
                answers.Add(new ImportedAccount(person.Id, person.FullName, person.Email, null, EmailInUse));
                continue;
            }

            // Pending under the account id first (refused, no row changed, for anyone but an admin).
            var accountId = Guid.CreateVersion7();
            var marked = await unitOfWork.RunAsync((db, ct) => db.Set<Employee>()
                .Where(e => e.Id == person.Id && e.UserId == null && e.Active)
                .ExecuteUpdateAsync(e => e.SetProperty(p => p.UserId, (Guid?)accountId).SetProperty(p => p.Active, false)
                    .SetProperty(p => p.AccountPendingSince, (DateTimeOffset?)DateTimeOffset.UtcNow), ct), cancellationToken);
            if (marked != 1)
            {
                continue;
            }

            var user = new ApplicationUser
            {
                Id = accountId, TenantId = tenantId, EmployeeId = person.Id, UserName = person.Email, Email = person.Email, EmailConfirmed = true,
            };
            var errors = await accounts.CreateAsync(user, UnknownPassword());
            if (errors.Count > 0)
            {
                // Pending, as a person whose adding stopped half-way: the People screen finishes them.
                answers.Add(new ImportedAccount(person.Id, person.FullName, person.Email, null, string.Join(" ", errors)));
                continue;
            }

            await unitOfWork.RunAsync((db, ct) => db.Set<Employee>()
                .Where(e => e.Id == person.Id && e.AccountPendingSince != null)
                .ExecuteUpdateAsync(e => e.SetProperty(p => p.Active, true).SetProperty(p => p.AccountPendingSince, (DateTimeOffset?)null), ct),
                cancellationToken);
            answers.Add(new ImportedAccount(person.Id, person.FullName, person.Email, await CreatePasswordResetAsync(person.Id, cancellationToken), null));
        }

        return answers;
    }

    /// <summary>A password nobody is told (the person sets theirs through the reset link), within Identity's rules.</summary>
    private static string UnknownPassword() =>
        "Aa1!" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    /// <remarks>A pending person is left as they are: they become active by being finished, not here.</remarks>
    public Task<bool> SetActiveAsync(Guid employeeId, bool active, CancellationToken cancellationToken = default) =>
        UpdateAsync(e => e.Id == employeeId && e.AccountPendingSince == null, e => e.SetProperty(p => p.Active, active), cancellationToken);

    /// <summary>
    /// The pending employee of that email (a retry), or a new pending one when no account signs in
    /// with the email (<paramref name="emailIsFree"/>); otherwise the message to show instead.
    /// </summary>
    private Task<(Pending? Person, SaveResult? Answer)> FindOrAddPendingAsync(NewPersonForm form, string email, bool emailIsFree, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync<(Pending?, SaveResult?)>(async (db, ct) =>
        {
            var existing = await db.Set<Employee>()
                // Sign-in finds an email whatever its case; so does a retry.
                .Where(e => e.Email.ToLower() == email.ToLower())
                .Select(e => new { e.Id, e.UserId, e.AccountPendingSince })
                .SingleOrDefaultAsync(ct);
            if (existing is { AccountPendingSince: not null, UserId: { } accountId })
            {
                // Marks the retry, and is refused (no row changed) for anyone but an admin.
                var touched = await db.Set<Employee>().Where(e => e.Id == existing.Id)
                    .ExecuteUpdateAsync(e => e.SetProperty(p => p.AccountPendingSince, DateTimeOffset.UtcNow), ct);
                return touched == 1 ? (new Pending(existing.Id, accountId), null) : (null, SaveResult.Refused(RefusedMessage));
            }

            if (existing is not null || !emailIsFree)
            {
                return (null, SaveResult.Field(nameof(NewPersonForm.Email), EmailInUse));
            }

            var person = new Employee
            {
                FullName = form.FullName.Trim(),
                Email = email,
                Title = Blank(form.Title),
                Department = Blank(form.Department),
                AgencyRole = form.Role,
                UserId = Guid.CreateVersion7(),
                Active = false,
                AccountPendingSince = DateTimeOffset.UtcNow,
            };
            db.Add(person);
            await db.SaveChangesAsync(ct);
            return (new Pending(person.Id, person.UserId.Value), null);
        }, cancellationToken);

    private Task<bool> UpdateAsync(
        Expression<Func<Employee, bool>> match,
        Action<UpdateSettersBuilder<Employee>> setters,
        CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async (db, ct) => await db.Set<Employee>().Where(match).ExecuteUpdateAsync(setters, ct) == 1, cancellationToken);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A person written but not finished: their employee id and the account id the row names.</summary>
    private sealed record Pending(Guid Id, Guid AccountId);
}
