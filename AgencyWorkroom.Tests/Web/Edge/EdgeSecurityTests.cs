using System.Net;
using System.Net.WebSockets;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Web.Edge;

/// <summary>
/// The app's edge over real TCP (Kestrel on loopback, so the app sees a client address): forwarded
/// headers believed only from known proxies, the throttle keyed by the client they name, cookies,
/// HSTS, the security headers on every response, and the Blazor hub refusing other origins.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class EdgeSecurityTests(TwoTenantWorld world)
{
    /// <summary>A documentation address (TEST-NET-1): a proxy that is not the loopback the tests connect from.</summary>
    private const string SomeOtherProxy = "192.0.2.10";

    /// <summary>Nobody's address: wrong passwords for it lock no one out, and the page answers 200.</summary>
    private static string Nobody => $"nobody-{Guid.NewGuid():N}@b.test";

    [Fact]
    public async Task ForwardedFor_FromAnUnknownAddress_IsIgnored_TheThrottleSeesTheConnection()
    {
        await using var app = new WorkroomAppFactory(signInAttemptsPerMinute: 2) { Settings = { ["Edge:KnownProxies:0"] = SomeOtherProxy } };
        var address = app.StartOnKestrel();

        // Three "different clients" by their claimed address: all one connection's, so the third waits.
        var statuses = new List<HttpStatusCode>();
        foreach (var claimed in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3" })
        {
            statuses.Add((await Client(address, forwardedFor: claimed).SignInAsync(Nobody, "wrong-password")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task ForwardedFor_FromAKnownProxy_IsUsed_TheThrottleKeysByTheForwardedClient()
    {
        // The default: loopback is the known proxy, as the tests' connection is.
        await using var app = new WorkroomAppFactory(signInAttemptsPerMinute: 2);
        var address = app.StartOnKestrel();

        var apart = new List<HttpStatusCode>();
        foreach (var client in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3" })
        {
            apart.Add((await Client(address, forwardedFor: client).SignInAsync(Nobody, "wrong-password")).StatusCode);
        }

        var one = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            one.Add((await Client(address, forwardedFor: "198.51.100.7").SignInAsync(Nobody, "wrong-password")).StatusCode);
        }

        Assert.All(apart, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], one);
    }

    [Fact]
    public async Task SignInCookie_InProduction_IsSecureHttpOnlyLax_AndHttpsGetsHsts()
    {
        await using var app = new WorkroomAppFactory { Environment = "Production" };
        var address = app.StartOnKestrel();
        // What the proxy sends: the client spoke HTTPS to it, to this host name. The cookies are
        // carried by hand: a cookie jar keeps a Secure cookie from the plain-HTTP hop to the app.
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Host = "workroom.example";

        var login = await client.GetAsync("/Account/Login");
        var form = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await login.Content.ReadAsStringAsync()).QuerySelector("form[method=post]")!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(form.QuerySelectorAll("input[type=hidden]")
                .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
                .Concat([new("Input.Email", world.A.Email("pm")), new("Input.Password", TwoTenantWorld.Password)])),
        };
        post.Headers.Add("Cookie", string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var signIn = await client.SendAsync(post);
        var plain = await Client(address, host: "workroom.example").GetAsync("/Account/Login");

        Assert.True(signIn.IsRedirectTo("/"), $"sign-in answered {(int)signIn.StatusCode}");
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("workroom.auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=31536000", login.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"), "HSTS is for HTTPS responses only");
    }

    [Fact]
    public async Task SignInCookie_InProductionOverPlainHttp_IsStillSecure()
    {
        await using var app = new WorkroomAppFactory { Environment = "Production" };
        var address = app.StartOnKestrel();

        var signIn = await Client(address).SignInAsync(world.A.Email("pm"), TwoTenantWorld.Password);

        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("workroom.auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task EveryKindOfResponse_CarriesTheSecurityHeaders()
    {
        await using var app = new WorkroomAppFactory();
        var address = app.StartOnKestrel();
        var signedIn = Client(address);
        Assert.True((await signedIn.SignInAsync(world.A.Email("admin"), TwoTenantWorld.Password)).IsRedirectTo("/"));
        var anonymous = Client(address);
        var loginPage = await anonymous.GetStringAsync("/Account/Login");
        var stylesheet = System.Text.RegularExpressions.Regex.Match(loginPage, "href=\"(app[^\"]*\\.css)\"").Groups[1].Value;

        var artifact = await ArtifactOfAsync();
        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["sign-in page"] = await anonymous.GetAsync("/Account/Login"),
            ["redirect to sign in"] = await anonymous.GetAsync("/campaigns"),
            ["health"] = await anonymous.GetAsync("/health"),
            ["static file"] = await anonymous.GetAsync("/" + stylesheet),
            ["not found"] = await signedIn.GetAsync("/no-such-page"),
            ["dashboard"] = await signedIn.GetAsync("/"),
            ["csv export"] = await signedIn.GetAsync("/export/campaigns.csv"),
            ["artifact export"] = await signedIn.GetAsync($"/export/artifacts/{artifact}.html"),
        };

        Assert.Equal(HttpStatusCode.OK, responses["static file"].StatusCode);
        foreach (var (name, response) in responses)
        {
            var csp = Header(response, "Content-Security-Policy", name);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.DoesNotContain("unsafe-eval", csp);
            if (name == "artifact export")
            {
                // Its own, stricter policy stays: the exported document runs no script at all.
                Assert.StartsWith("default-src 'none'", csp);
            }
            else
            {
                Assert.Matches(@"script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}';", csp);
                Assert.Contains("object-src 'none'", csp);
            }

            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options", name));
            Assert.Equal("DENY", Header(response, "X-Frame-Options", name));
            Assert.Equal("same-origin", Header(response, "Referrer-Policy", name));
            Assert.Contains("camera=()", Header(response, "Permissions-Policy", name));
        }
    }

    [Fact]
    public async Task Page_ImportMapCarriesTheNonceOfItsOwnResponse()
    {
        await using var app = new WorkroomAppFactory();
        var address = app.StartOnKestrel();

        var first = await Client(address).GetAsync("/Account/Login");
        var second = await Client(address).GetAsync("/Account/Login");

        var nonce = NonceOf(first);
        Assert.NotEqual(nonce, NonceOf(second));
        var scripts = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await first.Content.ReadAsStringAsync()).QuerySelectorAll("script");
        var importMap = Assert.Single(scripts, s => s.GetAttribute("type") == "importmap");
        Assert.Equal(nonce, importMap.GetAttribute("nonce"));
        // The only inline script: every other one has a source under script-src 'self'.
        Assert.All(scripts.Where(s => s != importMap), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), s.OuterHtml));
    }

    [Fact]
    public async Task BlazorHub_RefusesNegotiationAndWebSocketFromAnotherOrigin()
    {
        await using var app = new WorkroomAppFactory();
        var address = app.StartOnKestrel();
        var own = address.GetLeftPart(UriPartial.Authority);

        var foreign = await NegotiateAsync(address, "https://evil.example");
        var ours = await NegotiateAsync(address, own);
        var socketFromElsewhere = await Record.ExceptionAsync(() => OpenHubSocketAsync(address, "https://evil.example"));
        var socketFromHome = await Record.ExceptionAsync(() => OpenHubSocketAsync(address, own));

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
        Assert.IsType<WebSocketException>(socketFromElsewhere);
        Assert.Contains("403", socketFromElsewhere.Message);
        Assert.Null(socketFromHome);
    }

    /// <summary>An artifact of tenant A that its admin may export.</summary>
    private async Task<Guid> ArtifactOfAsync()
    {
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.Maintenance);
        return await s.ScalarAsync<Guid>("select id from agency.artifacts where tenant_id = @t and deleted_at is null order by id limit 1", ("t", world.A.Id));
    }

    private static async Task<HttpResponseMessage> NegotiateAsync(Uri address, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", origin);
        return await Client(address).SendAsync(request);
    }

    /// <summary>Opens the hub's WebSocket as a page of <paramref name="origin"/> would (a connection token from our own negotiation).</summary>
    private static async Task OpenHubSocketAsync(Uri address, string origin)
    {
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        var body = await (await Client(address).SendAsync(negotiate)).Content.ReadAsStringAsync();
        var token = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("connectionToken").GetString();
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", origin);
        var hub = new UriBuilder(address) { Scheme = "ws", Path = "/_blazor", Query = $"id={token}" }.Uri;
        await socket.ConnectAsync(hub, CancellationToken.None);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
    }

    private static string NonceOf(HttpResponseMessage response) =>
        System.Text.RegularExpressions.Regex.Match(Header(response, "Content-Security-Policy", "page"), "'nonce-([^']+)'").Groups[1].Value;

    private static string Header(HttpResponseMessage response, string name, string what)
    {
        var found = response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values);
        Assert.True(found, $"{what} ({(int)response.StatusCode} {response.RequestMessage?.RequestUri}) has no {name}");
        return string.Join(", ", values!);
    }

    /// <summary>A browser-like client of its own (cookies kept, redirects not followed), as a proxy would forward it.</summary>
    private static HttpClient Client(Uri address, string? forwardedFor = null, string? forwardedProto = null, string? host = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        if (forwardedProto is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        }

        if (host is not null)
        {
            client.DefaultRequestHeaders.Host = host;
        }

        return client;
    }
}
