using System.Net;
using AgencyWorkroom.Data.Identity;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Components.Account;

/// <summary>Sign-in end to end: the real app, real cookies, the real database under row-level security.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class SignInTests(TwoTenantWorld world) : IAsyncLifetime
{
    private readonly WorkroomAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SignIn_WrongPassword_StaysWithAMessageAndNoCookie()
    {
        var browser = _app.Browser();

        var response = await browser.SignInAsync(world.A.Email("finance"), "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("do not match an active account", await response.Content.ReadAsStringAsync());
        Assert.True((await browser.GetAsync("/")).IsRedirectTo("/Account/Login"));
    }

    [Fact]
    public async Task SignIn_RightPassword_GreetsThePersonWithTenantAndRole()
    {
        var browser = _app.Browser();

        var response = await browser.SignInAsync(world.A.Email("finance"), TwoTenantWorld.Password);
        var home = await browser.GetStringAsync("/");

        Assert.True(response.IsRedirectTo("/"), $"expected a redirect home, got {(int)response.StatusCode}");
        Assert.Contains("Welcome, finance person", home);
        Assert.Contains("Tenant A", home);
        Assert.Contains("Finance", home);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccount()
    {
        var email = await NewPersonAsync("account");
        var browser = _app.Browser();

        for (var i = 0; i < 5; i++)
        {
            await browser.SignInAsync(email, "wrong-password");
        }

        var withRightPassword = await browser.SignInAsync(email, TwoTenantWorld.Password);

        Assert.True(withRightPassword.IsRedirectTo("/Account/Lockout"));
    }

    [Fact]
    public async Task SignIn_DeactivatedPerson_IsRefused()
    {
        var email = await NewPersonAsync("creative", active: false);

        var response = await _app.Browser().SignInAsync(email, TwoTenantWorld.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("do not match an active account", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("creative", false)]
    [InlineData("pm", false)]
    [InlineData("finance", true)]
    public async Task Export_SameCallGivesMoneyOnlyToFinance(string role, bool seesMoney)
    {
        var browser = await _app.SignedInAsync(world.A, role);

        var rows = await CampaignCsvAsync(browser, "");
        var campaign = rows.Single(r => r["Code"] == world.A.CampaignCode);

        var expected = seesMoney ? (TwoTenantWorld.LoggedHours * TwoTenantWorld.BillRate).ToString("0.0000") : "";
        Assert.Equal(expected, campaign["Revenue"]);
        Assert.Equal(seesMoney, campaign["Margin"] != "");
    }

    [Fact]
    public async Task TenantIdInUrlOrSignInForm_CannotSwitchTenant()
    {
        var browser = _app.Browser();
        var signIn = await browser.SignInAsync(world.A.Email("finance"), TwoTenantWorld.Password,
            ("tenant_id", world.B.Id.ToString()), ("Input.TenantId", world.B.Id.ToString()));
        Assert.True(signIn.IsRedirectTo("/"));

        var theirs = $"tenant={world.B.Id}&tenant_id={world.B.Id}&client={world.B.Rows["agency.clients"]}";
        var viaTheirClient = await CampaignCsvAsync(browser, theirs);
        var everything = await CampaignCsvAsync(browser, $"tenant={world.B.Id}");

        Assert.Empty(viaTheirClient);
        Assert.Contains(everything, r => r["Code"] == world.A.CampaignCode);
        Assert.DoesNotContain(everything, r => r["Code"] == world.B.CampaignCode);
    }

    [Fact]
    public async Task EditedCookie_IsNotAccepted()
    {
        var jar = new CookieContainer();
        Assert.True((await _app.Browser(jar).SignInAsync(world.A.Email("finance"), TwoTenantWorld.Password)).IsRedirectTo("/"));
        var cookie = jar.GetCookies(new Uri("http://localhost"))["workroom.auth"]!.Value;
        var forged = _app.CreateDefaultClient(new Uri("http://localhost"));
        // Flip one character in the middle of the encrypted ticket.
        var middle = cookie.Length / 2;
        forged.DefaultRequestHeaders.Add("Cookie", $"workroom.auth={cookie[..middle]}{(cookie[middle] == 'A' ? 'B' : 'A')}{cookie[(middle + 1)..]}");

        var genuine = _app.CreateDefaultClient(new Uri("http://localhost"));
        genuine.DefaultRequestHeaders.Add("Cookie", $"workroom.auth={cookie}");

        Assert.Equal(HttpStatusCode.OK, (await genuine.GetAsync("/export/campaigns.csv")).StatusCode);
        var response = await forged.GetAsync("/export/campaigns.csv");
        Assert.True(response.IsRedirectTo("/Account/Login"), $"got {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Cookie_FromOneInstance_IsReadByAnother()
    {
        // Data Protection keys live in PostgreSQL, so a second instance of the app decrypts the first's cookie.
        var jar = new CookieContainer();
        Assert.True((await _app.Browser(jar).SignInAsync(world.A.Email("pm"), TwoTenantWorld.Password)).IsRedirectTo("/"));
        await using var secondInstance = new WorkroomAppFactory();
        var other = secondInstance.CreateDefaultClient(new Uri("http://localhost"));
        other.DefaultRequestHeaders.Add("Cookie", $"workroom.auth={jar.GetCookies(new Uri("http://localhost"))["workroom.auth"]!.Value}");

        var response = await other.GetAsync("/export/campaigns.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn_HealthIsOpen()
    {
        var browser = _app.Browser();

        Assert.True((await browser.GetAsync("/")).IsRedirectTo("/Account/Login"));
        Assert.True((await browser.GetAsync("/admin/people")).IsRedirectTo("/Account/Login"));
        Assert.True((await browser.GetAsync("/export/campaigns.csv")).IsRedirectTo("/Account/Login"));
        var health = await browser.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_ManyAttemptsFromOneAddress_AreThrottled()
    {
        await using var strict = new WorkroomAppFactory(signInAttemptsPerMinute: 3);
        var browser = strict.Browser();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await browser.SignInAsync(world.B.Email("pm"), "wrong-password")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }


    private static async Task<List<Dictionary<string, string>>> CampaignCsvAsync(HttpClient browser, string query)
    {
        var response = await browser.GetAsync($"/export/campaigns.csv?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Csv.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A new person of tenant A with an account, for tests that spoil it (lockout, deactivation).</summary>
    private async Task<string> NewPersonAsync(string role, bool active = true)
    {
        var id = Guid.NewGuid();
        var email = $"{role}-{id:N}@a.test";
        await using var admin = await world.AppSessionAsync(world.A, "admin");
        await admin.ExecuteAsync(
            "insert into agency.employees (id, full_name, email, agency_role, active) values (@id, 'Temp person', @email, @role, @active)",
            ("id", id), ("email", email), ("role", role), ("active", active));
        await admin.CommitAsync();
        await using var owner = await TestSession.BeginAsync(world.Database.Owner, world.A.Id, "admin", world.A.People["admin"]);
        await SignInAccounts.UpsertAsync(owner.Connection, owner.Transaction, [(world.A.Id, id, email)], TwoTenantWorld.Password);
        await owner.CommitAsync();
        return email;
    }
}
