using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AgencyWorkroom.Data.Identity;

/// <summary>
/// The sign-in accounts, a store apart from the people (and soon a database role apart): what
/// adding a person needs of it, behind an interface so a test can fail between the two stores.
/// </summary>
public interface IAccountStore
{
    /// <summary>What Identity's password rules say of the password; empty when it is good.</summary>
    Task<IReadOnlyList<string>> ValidatePasswordAsync(ApplicationUser user, string password);

    /// <summary>The account that signs in with the email, if any.</summary>
    Task<Guid?> FindIdByEmailAsync(string email);

    /// <summary>Creates the account under <c>user.Id</c>; returns Identity's errors, empty when it was made.</summary>
    Task<IReadOnlyList<string>> CreateAsync(ApplicationUser user, string password);

    /// <summary>
    /// Identity's password-reset token for the tenant's account, or null when the account is not
    /// that tenant's. It works once (a reset changes the security stamp it is bound to) and expires.
    /// </summary>
    Task<string?> CreatePasswordResetTokenAsync(Guid tenantId, Guid accountId) => Task.FromResult<string?>(null);
}

/// <summary>The accounts as ASP.NET Core Identity keeps them.</summary>
public sealed class IdentityAccountStore(IServiceScopeFactory scopes) : IAccountStore
{
    public Task<IReadOnlyList<string>> ValidatePasswordAsync(ApplicationUser user, string password) =>
        WithUsersAsync<IReadOnlyList<string>>(async users =>
        {
            var errors = new List<string>();
            foreach (var validator in users.PasswordValidators)
            {
                errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors.Select(e => e.Description));
            }

            return errors;
        });

    public Task<Guid?> FindIdByEmailAsync(string email) =>
        WithUsersAsync(async users => (await users.FindByEmailAsync(email))?.Id);

    public Task<IReadOnlyList<string>> CreateAsync(ApplicationUser user, string password) =>
        WithUsersAsync<IReadOnlyList<string>>(async users => [.. (await users.CreateAsync(user, password)).Errors.Select(e => e.Description)]);

    public Task<string?> CreatePasswordResetTokenAsync(Guid tenantId, Guid accountId) =>
        WithUsersAsync(async users => await users.FindByIdAsync(accountId.ToString()) is { } user && user.TenantId == tenantId
            ? await users.GeneratePasswordResetTokenAsync(user)
            : null);

    // A circuit lives for hours; Identity's store is a DbContext, so it gets a scope per operation.
    private async Task<T> WithUsersAsync<T>(Func<UserManager<ApplicationUser>, Task<T>> use)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
    }
}
