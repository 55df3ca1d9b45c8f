using System.Net;
using AgencyWorkroom.Data.Features.Dashboard;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AgencyWorkroom.Benchmarks.Web;

/// <summary>
/// The real app in this process on Kestrel (a free local port), against the dev database, in
/// the Production environment with warnings-only logging. It counts the circuits that are open
/// and the dashboard loads that have finished, so the circuit benchmark knows when its pages are
/// connected and idle; a disconnected circuit is dropped at once rather than kept for reconnection.
/// </summary>
public sealed class BenchApp : WebApplicationFactory<Program>
{
    public CircuitCounter Circuits { get; } = new();

    public DashboardLoadCounter DashboardLoads { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public Uri Start()
    {
        // The web project's folder is the app's content root (wwwroot, appsettings.json). A test
        // project gets it from a manifest Mvc.Testing writes; here it is found from where the
        // command runs or where it was built.
        var web = FindWebProject() ?? throw new InvalidOperationException("Cannot find the AgencyWorkroom.Web folder above the working directory.");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_AGENCYWORKROOM_WEB", web);
        UseKestrel(0);
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return BaseAddress;
    }

    private static string? FindWebProject()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "AgencyWorkroom.Web");
                if (File.Exists(Path.Combine(candidate, "AgencyWorkroom.Web.csproj")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Plain HTTP on loopback is the bench's whole path; a deployment's sign-in cookie is Secure (decision 026).
        builder.UseSetting("Edge:RequireHttps", "false");
        builder.UseSetting("Workroom:SignInAttemptsPerMinute", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Error");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<CircuitHandler>(Circuits);
            services.Configure<CircuitOptions>(options => options.DisconnectedCircuitMaxRetained = 0);
            services.AddScoped<DashboardQueries>();
            services.AddScoped<IDashboardQueries>(provider =>
                new CountingDashboardQueries(provider.GetRequiredService<DashboardQueries>(), DashboardLoads));
        });
    }

    /// <summary>A client that keeps cookies and does not follow redirects, over real TCP.</summary>
    public HttpClient Client(CookieContainer cookies) =>
        new(new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    /// <summary>Signs in through the sign-in form, antiforgery token and all; the cookie lands in <paramref name="cookies"/>.</summary>
    public async Task SignInAsync(CookieContainer cookies, string email, string password)
    {
        using var client = Client(cookies);
        var page = await client.GetStringAsync("/Account/Login");
        var form = new HtmlParser().ParseDocument(page).QuerySelector("form[method=post]")
                   ?? throw new InvalidOperationException("No sign-in form on /Account/Login");
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Concat([new("Input.Email", email), new("Input.Password", password)]);
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
            || cookies.GetCookies(BaseAddress).All(c => c.Name != "workroom.auth"))
        {
            throw new InvalidOperationException($"Signing in as {email} failed (HTTP {(int)response.StatusCode}).");
        }
    }
}

/// <summary>Circuits open right now.</summary>
public sealed class CircuitCounter : CircuitHandler
{
    private int _open;

    public int Open => Volatile.Read(ref _open);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _open);
        return Task.CompletedTask;
    }
}

public sealed class DashboardLoadCounter
{
    private int _completed;

    public int Completed => Volatile.Read(ref _completed);

    public void Add() => Interlocked.Increment(ref _completed);
}

/// <summary>The dashboard's queries, counting each load that finishes.</summary>
public sealed class CountingDashboardQueries(DashboardQueries inner, DashboardLoadCounter counter) : IDashboardQueries
{
    public async Task<DashboardDto> GetAsync(CancellationToken cancellationToken = default)
    {
        var dashboard = await inner.GetAsync(cancellationToken);
        counter.Add();
        return dashboard;
    }

    public Task<AgencyWorkroom.Data.Views.DashboardKpisRow> GetKpisAsync(CancellationToken cancellationToken = default) => inner.GetKpisAsync(cancellationToken);
}
