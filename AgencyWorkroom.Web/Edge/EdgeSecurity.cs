using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;

namespace AgencyWorkroom.Web.Edge;

/// <summary>
/// What the app does at its edge (docs/decisions/026-the-web-edge.md): forwarded headers believed
/// only from known proxies, the sign-in cookie Secure and HttpOnly, HSTS, the security headers on
/// every response, and a Blazor hub that only the app's own pages may open.
/// </summary>
public static class EdgeSecurity
{
    /// <summary>Where the per-request script nonce is kept for <c>App.razor</c>'s import map.</summary>
    private const string NonceKey = "workroom.csp-nonce";

    private const string BlazorHubPath = "/_blazor";

    public static WebApplicationBuilder AddWorkroomEdge(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(EdgeOptions.Section).Get<EdgeOptions>() ?? new();
        var services = builder.Services;
        services.Configure<EdgeOptions>(builder.Configuration.GetSection(EdgeOptions.Section));

        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // One proxy in front: the right-most address it appends is the client's.
            forwarded.ForwardLimit = 1;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in KnownProxies(options))
            {
                forwarded.KnownProxies.Add(proxy);
            }

            foreach (var network in options.KnownNetworks ?? [])
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        // Every cookie the sign-in writes (the session, two-factor's), whichever scheme named it.
        var secure = options.RequireHttps ?? !builder.Environment.IsDevelopment();
        services.PostConfigureAll<CookieAuthenticationOptions>(cookie =>
        {
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = false;
        });
        return builder;
    }

    /// <summary>First in the pipeline: everything after it sees the client's address and scheme.</summary>
    public static WebApplication UseWorkroomEdge(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // Sent only on HTTPS requests (the proxy's X-Forwarded-Proto says so), never for localhost.
            app.UseHsts();
        }

        app.Use(static (context, next) =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            // On starting, so an error page (the exception handler clears the headers) carries them too.
            context.Response.OnStarting(static state =>
            {
                var (response, nonce) = ((HttpResponse, string))state;
                var headers = response.Headers;
                // An endpoint's own policy stays (the artifact export's is stricter for its
                // document); it gains frame-ancestors if it lacks one. Blazor's default for its
                // pages (frame-ancestors 'self' alone) is not one: ours replaces it.
                var own = headers.ContentSecurityPolicy.ToString();
                headers.ContentSecurityPolicy = own.Length == 0 || own.StartsWith("frame-ancestors", StringComparison.Ordinal)
                    ? ContentSecurityPolicy(nonce)
                    : own.Contains("frame-ancestors", StringComparison.Ordinal) ? own
                    : own.TrimEnd(' ', ';') + "; frame-ancestors 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers.TryAdd("Referrer-Policy", "same-origin");
                headers.TryAdd("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
                headers.TryAdd("Cross-Origin-Opener-Policy", "same-origin");
                return Task.CompletedTask;
            }, (context.Response, nonce));
            return next(context);
        });

        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(BlazorHubPath) && !IsAllowedOrigin(context))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }

            return next(context);
        });
        return app;
    }

    /// <summary>
    /// After authentication: a person whose agency requires two-factor of them (046) and who has not
    /// enrolled yet reaches only the account pages and the public endpoints (the files pages load,
    /// health, the circuit hub, which opens nothing without a page); any other page sends them to
    /// enrol, any other request is refused (decision 026).
    /// </summary>
    public static WebApplication UseWorkroomTwoFactorEnrolment(this WebApplication app)
    {
        app.Use(static (context, next) =>
        {
            var path = context.Request.Path;
            // Through: the account pages, and what is public anyway (static files, health, the door);
            // not a file name's extension (the CSV and Excel exports have one).
            if (!context.User.HasClaim(c => c.Type == AgencyWorkroom.Web.Components.Account.WorkroomClaims.TwoFactorEnrolmentDue)
                || path.StartsWithSegments("/Account")
                || context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)
            {
                return next(context);
            }

            if (HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.Redirect("/Account/Manage/TwoFactor");
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
            }

            return Task.CompletedTask;
        });
        return app;
    }

    /// <summary>The nonce that lets this response's own inline script (the import map) run; null outside a request.</summary>
    public static string? CspNonce(this HttpContext? context) => context?.Items[NonceKey] as string;

    /// <summary>
    /// Scripts: the app's files and the one inline import map carrying this response's nonce.
    /// Styles: 'unsafe-inline', because MudBlazor writes its theme as a &lt;style&gt; element and
    /// positions popovers, grids and charts with style attributes (decision 026).
    /// </summary>
    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    private static IEnumerable<IPAddress> KnownProxies(EdgeOptions options) =>
        options is { KnownProxies: null or [], KnownNetworks: null or [] }
            ? [IPAddress.Loopback, IPAddress.IPv6Loopback]
            : (options.KnownProxies ?? []).Select(IPAddress.Parse);

    /// <summary>
    /// A browser always sends Origin when it opens a WebSocket or POSTs the negotiation; the hub
    /// answers only the app's own origin (and any configured). No Origin: not a browser page, so
    /// not a cross-site request riding on someone's cookie.
    /// </summary>
    private static bool IsAllowedOrigin(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        var own = $"{context.Request.Scheme}://{context.Request.Host}";
        if (string.Equals(origin, own, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var allowed = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<EdgeOptions>>().Value.AllowedOrigins ?? [];
        return allowed.Any(a => string.Equals(a.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));
    }
}
