using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Account.Pages;
using AgencyWorkroom.Web.Components.Pages;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace AgencyWorkroom.Tests.Web.Extensions;

/// <summary>
/// Every page and endpoint is private unless it is on the list below and says so itself
/// ([AllowAnonymous] / AllowAnonymous()); everything else sends an anonymous request to sign in.
/// The list and its reasons: docs/decisions/008-private-by-default.md.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed partial class PrivateByDefaultTests : IAsyncLifetime
{
    /// <summary>The door (sign in, locked out, access denied, an admin's password-reset link, the sign-in code) and what an error or a wrong address shows.</summary>
    private static readonly Type[] PublicPages = [typeof(LoginPage), typeof(LockoutPage), typeof(AccessDeniedPage), typeof(ResetPasswordPage), typeof(LoginWith2faPage), typeof(Error), typeof(NotFound)];

    /// <summary>The load balancer's probe (it says healthy or not, nothing more).</summary>
    private static readonly string[] PublicRoutes = ["/health"];

    /// <summary>Blazor's circuit hub: a page's [Authorize] still holds inside the circuit, and no data is read without a person.</summary>
    private const string BlazorHub = "/_blazor";

    private readonly WorkroomAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void RoutableComponents_AreAnonymousExactlyWhenOnTheList()
    {
        var routable = typeof(Program).Assembly.GetTypes().Where(t => t.IsDefined(typeof(RouteAttribute), inherit: false)).ToList();

        var anonymous = routable.Where(t => t.IsDefined(typeof(AllowAnonymousAttribute), inherit: true)).Select(t => t.FullName);

        Assert.True(routable.Count > PublicPages.Length, "no private pages found: the scan is broken");
        Assert.Equal(PublicPages.Select(t => t.FullName).Order(), anonymous.Order());
    }

    [Fact]
    public async Task EveryEndpoint_IsPublicByTheListOrSendsAnAnonymousRequestToSignIn()
    {
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var problems = new List<string>();
        var asked = 0;

        foreach (var endpoint in endpoints)
        {
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                if (!IsListedPublic(endpoint, route))
                {
                    problems.Add($"{route} allows anonymous callers but is not on the list of public endpoints");
                }

                continue;
            }

            var method = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods
                ? methods.Contains(HttpMethods.Get) ? HttpMethods.Get : methods[0]
                : HttpMethods.Get;
            var response = await _app.Browser().SendAsync(new HttpRequestMessage(new HttpMethod(method), Concrete(route)));
            asked++;
            if (!response.IsRedirectTo("/Account/Login") && response.StatusCode != HttpStatusCode.Unauthorized)
            {
                problems.Add($"{method} {route} answered an anonymous request with {(int)response.StatusCode}");
            }
        }

        Assert.Empty(problems);
        // The pages behind sign-in, the exports and sign-out at least: proof the loop asked something.
        Assert.True(asked >= 10, $"only {asked} private endpoints were asked");
    }

    [Fact]
    public async Task SignInPage_AndEveryFileItLoads_AreServedToAnAnonymousVisitor()
    {
        var browser = _app.Browser();

        var page = await browser.GetAsync("/Account/Login");
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        var files = document.QuerySelectorAll("link[rel=stylesheet][href], script[src]")
            .Select(e => "/" + (e.GetAttribute("href") ?? e.GetAttribute("src"))!.TrimStart('/'))
            .ToList();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(files, f => f.Contains("blazor.web", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains("MudBlazor", StringComparison.Ordinal));
        foreach (var file in files)
        {
            Assert.True((await browser.GetAsync(file)).StatusCode == HttpStatusCode.OK, $"{file} was not served to an anonymous visitor");
        }

        var negotiate = await browser.PostAsync($"{BlazorHub}/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
    }

    [Fact]
    public async Task UnknownAddress_AnonymousVisitor_IsSentToSignIn()
    {
        var response = await _app.Browser().GetAsync("/no-such-page");

        Assert.True(response.IsRedirectTo("/Account/Login"), $"got {(int)response.StatusCode}");
    }

    private static bool IsListedPublic(RouteEndpoint endpoint, string route) =>
        endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null
        || endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is { Type: var page } && PublicPages.Contains(page)
        || PublicRoutes.Contains(route)
        || route.StartsWith(BlazorHub, StringComparison.Ordinal);

    // A route with its parameters filled in: a new id where it takes a guid, a word elsewhere.
    private static string Concrete(string route) =>
        RouteParameter().Replace(route, m => m.Value.Contains(":guid", StringComparison.OrdinalIgnoreCase) ? Guid.NewGuid().ToString() : "x");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
