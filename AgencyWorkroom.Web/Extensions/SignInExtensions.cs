using System.Threading.RateLimiting;
using AgencyWorkroom.Data.Identity;
using AgencyWorkroom.Data.Session;
using AgencyWorkroom.Web.Components.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Web.Extensions;

/// <summary>Cookie sign-in through ASP.NET Core Identity, and the per-circuit session context.</summary>
public static class SignInExtensions
{
    private const string SignInPath = "/Account/Login";

    public static WebApplicationBuilder AddWorkroomSignIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(WorkroomOptions.Section).Get<WorkroomOptions>() ?? new();

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<ISessionContextSource, AuthenticationSessionSource>();
        // Private by default: a page or endpoint without [AllowAnonymous] / AllowAnonymous() needs a signed-in
        // person, whether or not it says [Authorize] (docs/decisions/008-private-by-default.md).
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(cookie =>
            {
                cookie.LoginPath = SignInPath;
                cookie.AccessDeniedPath = "/Account/AccessDenied";
                cookie.Cookie.Name = "workroom.auth";
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.HttpOnly = true;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            }));

        // Identity's store connects as the one role granted on schema identity; the units of work cannot read it (042).
        services.AddDbContext<WorkroomIdentityDbContext>((provider, db) =>
            db.UseNpgsql(provider.GetRequiredService<IdentityDataSource>().DataSource).UseSnakeCaseNamingConvention());
        services.AddIdentityCore<ApplicationUser>(identity =>
            {
                identity.Password.RequiredLength = 10;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
                identity.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<WorkroomIdentityDbContext>()
            .AddSignInManager<WorkroomSignInManager>()
            .AddClaimsPrincipalFactory<WorkroomClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        // The admin's reset links (decision 026); a reset changes the security stamp, so each works once.
        services.Configure<DataProtectionTokenProviderOptions>(tokens => tokens.TokenLifespan = options.PasswordResetLinkLifetime);

        // Keys in PostgreSQL, so every instance of the app reads every other's cookies.
        services.AddDataProtection()
            .SetApplicationName("AgencyWorkroom")
            .PersistKeysToDbContext<WorkroomIdentityDbContext>();

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(SignInPath)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) })
                    : RateLimitPartition.GetNoLimiter("other"));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                rejected.HttpContext.Response.ContentType = "text/plain";
                await rejected.HttpContext.Response.WriteAsync(
                    "Too many sign-in attempts from this address. Wait a minute and try again.", cancellationToken);
            };
        });
        return builder;
    }

    public static WebApplication MapWorkroomSignIn(this WebApplication app)
    {
        // The form field makes the endpoint check the antiforgery token: no cross-site sign-out.
        app.MapPost("/Account/Logout", async (SignInManager<ApplicationUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        });
        return app;
    }
}
