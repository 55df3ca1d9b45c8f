using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace AgencyWorkroom.Tests.Infrastructure;

/// <summary>The real app in memory, on the real test database, with real cookies.</summary>
public sealed class WorkroomAppFactory(int signInAttemptsPerMinute = 1000) : WebApplicationFactory<Program>
{
    /// <summary>Settings of the test's own (e.g. <c>Edge:KnownProxies:0</c>), applied after the defaults.</summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    /// <summary>The host environment; the tests run as Development unless they say otherwise.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>Starts the app on a free loopback port (real TCP, so it sees a client address) and returns its address.</summary>
    public Uri StartOnKestrel()
    {
        UseKestrel(0);
        StartServer();
        return new Uri(Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Workroom:SignInAttemptsPerMinute", signInAttemptsPerMinute.ToString());
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        // Tests provoke refusals on purpose; EF's log of each failed command would bury the results.
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Critical");
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests look at them).</summary>
    public HttpClient Browser() => Browser(new CookieContainer());

    /// <summary>The same, with its cookie jar in the test's hands.</summary>
    public HttpClient Browser(CookieContainer cookies) => CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));

    /// <summary>A browser-like client signed in as the world's person in that role.</summary>
    public async Task<HttpClient> SignedInAsync(SeededTenant tenant, string role)
    {
        var browser = Browser();
        Assert.True((await browser.SignInAsync(tenant.Email(role), TwoTenantWorld.Password)).IsRedirectTo("/"));
        return browser;
    }
}

public static class BrowserClientExtensions
{
    /// <summary>Fills and posts the sign-in form as a browser would, with its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password,
        params (string Name, string Value)[] extraFields)
    {
        var page = await client.GetStringAsync("/Account/Login");
        var form = new HtmlParser().ParseDocument(page).QuerySelector("form[method=post]")
                   ?? throw new InvalidOperationException("No sign-in form on /Account/Login");
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Concat([new("Input.Email", email), new("Input.Password", password)])
            .Concat(extraFields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
    }

    public static bool IsRedirectTo(this HttpResponseMessage response, string path) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
        && response.Headers.Location?.OriginalString.TrimStart('~').Contains(path, StringComparison.OrdinalIgnoreCase) == true;
}

/// <summary>Reads a CSV download into rows of header to value.</summary>
public static class Csv
{
    public static List<Dictionary<string, string>> Parse(string text)
    {
        using var reader = CsvHelper.CsvReader.FromText(text, new CsvHelper.CsvReaderOptions { HasHeader = true });
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.Select((h, i) => (h, i)).ToDictionary(c => c.h, c => reader.GetString(c.i)));
        }

        return rows;
    }
}
