using AgencyWorkroom.Data.Identity;
using AgencyWorkroom.Data.Session;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AgencyWorkroom.Web.Components.Account;

/// <summary>Refuses sign-in to people who are no longer active members of their tenant.</summary>
public sealed class WorkroomSignInManager(
    UserManager<ApplicationUser> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    UnitOfWorkFactory unitsOfWork)
    : SignInManager<ApplicationUser>(users, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        await base.CanSignInAsync(user)
        && await unitsOfWork.IsActiveMemberAsync(new SessionContext(user.TenantId, user.EmployeeId));
}
