using AgencyWorkroom.Data.Session;
using Microsoft.AspNetCore.Components.Authorization;

namespace AgencyWorkroom.Web.Components.Account;

/// <summary>
/// The session context of the circuit (or request): built from the authentication state, which
/// Blazor keeps per circuit, not from HttpContext, which interactive components do not have.
/// </summary>
public sealed class AuthenticationSessionSource(AuthenticationStateProvider authentication) : ISessionContextSource
{
    public async Task<SessionContext?> GetAsync(CancellationToken cancellationToken = default) =>
        (await authentication.GetAuthenticationStateAsync()).User.ToSessionContext();
}
