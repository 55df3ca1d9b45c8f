using AgencyWorkroom.Data;
using AgencyWorkroom.Web.Attachments;
using AgencyWorkroom.Web.Components;
using AgencyWorkroom.Web.Components.Shared;
using AgencyWorkroom.Web.Edge;
using AgencyWorkroom.Web.Export;
using AgencyWorkroom.Web.Health;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor.Services;

namespace AgencyWorkroom.Web.Extensions;

public static class WebApplicationExtensions
{
    private const string BlazorHubPath = "_blazor";

    private const long MaximumCircuitMessageBytes = 128 * 1024;

    public static WebApplicationBuilder AddWorkroomWeb(this WebApplicationBuilder builder)
    {
        // Serve package assets (MudBlazor's css and js) from a build, not only a publish, in any
        // environment: the run script starts the built app. A published app has no such manifest.
        builder.WebHost.UseStaticWebAssets();

        builder.Services.Configure<WorkroomOptions>(builder.Configuration.GetSection(WorkroomOptions.Section));
        // A circuit starts with the state its prerender persisted (the dashboard's figures, protected
        // and encoded: eight campaigns' overview rows and fifteen activities), in one hub message;
        // SignalR's default limit of 32 KB refused it and the circuit never started (the browser
        // tests' sign-in, which lands on the dashboard, stalled until this was raised).
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = MaximumCircuitMessageBytes);
        builder.Services.AddScoped<IErrorBoundaryLogger, FriendlyErrorBoundaryLogger>();
        builder.Services.AddMudServices();
        builder.Services.AddWorkroomData(builder.Configuration);
        builder.AddWorkroomSignIn();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    public static WebApplication UseWorkroomWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        // No HTTPS redirection here: TLS ends at the proxy in front of the app (HSTS: UseWorkroomEdge).
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseWorkroomTwoFactorEnrolment();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        // Public, and only these (docs/decisions/008-private-by-default.md): the files every page loads (the
        // sign-in page too), the health probe, and Blazor's circuit hub. The hub opens no data: each page
        // keeps its [Authorize] inside the circuit, and the unit of work refuses to run without a person.
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapWorkroomSignIn();
        app.MapWorkroomExports();
        app.MapWorkroomAttachments();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && route.TrimStart('/').StartsWith(BlazorHubPath, StringComparison.Ordinal))
            {
                endpoint.Metadata.Add(new AllowAnonymousAttribute());
            }
        });
        return app;
    }
}
