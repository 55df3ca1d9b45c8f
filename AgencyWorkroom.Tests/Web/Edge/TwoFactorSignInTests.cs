using System.Net;
using System.Security.Claims;
using AgencyWorkroom.Data.Features.Settings;
using AgencyWorkroom.Data.Identity;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Account;
using AgencyWorkroom.Web.Components.Account.Pages;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using AngleSharp.Html.Parser;
using OtpNet;

namespace AgencyWorkroom.Tests.Web.Edge;

/// <summary>
/// Two-factor sign-in end to end through the real app, the authenticator app played by Otp.NET:
/// enrol with the shared key, then the password alone no longer signs in, the app's code does,
/// and a recovery code works once.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class TwoFactorSignInTests(TwoTenantWorld world) : IAsyncLifetime
{
    private readonly WorkroomAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Enrolled_PasswordAloneIsNotEnough_TheAppsCodeSignsIn_ARecoveryCodeWorksOnce()
    {
        var email = await NewPersonAsync();
        var (key, codes) = await EnrolAsync(email);

        var browser = _app.Browser();
        var password = await browser.SignInAsync(email, TwoTenantWorld.Password);
        var homeBetween = await browser.GetAsync("/");
        var wrong = await PostFormAsync(browser, "/Account/LoginWith2fa", "login-2fa", ("Input.Code", OtherThan(Totp(key))));
        var right = await PostFormAsync(browser, "/Account/LoginWith2fa", "login-2fa", ("Input.Code", Totp(key)));
        var home = await browser.GetAsync("/");

        var recovery = _app.Browser();
        await recovery.SignInAsync(email, TwoTenantWorld.Password);
        var withRecovery = await PostFormAsync(recovery, "/Account/LoginWith2fa", "login-2fa", ("Input.Code", codes[0]));
        var again = _app.Browser();
        await again.SignInAsync(email, TwoTenantWorld.Password);
        var recoveryAgain = await PostFormAsync(again, "/Account/LoginWith2fa", "login-2fa", ("Input.Code", codes[0]));

        Assert.Equal(10, codes.Count);
        Assert.True(password.IsRedirectTo("/Account/LoginWith2fa"), $"the password step answered {(int)password.StatusCode} {password.Headers.Location}");
        Assert.True(homeBetween.IsRedirectTo("/Account/Login"), "between the steps nobody is signed in");
        Assert.Contains(LoginWith2faPage.WrongCode, await wrong.Content.ReadAsStringAsync());
        Assert.True(right.IsRedirectTo("/"), $"the code answered {(int)right.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.True(withRecovery.IsRedirectTo("/"), $"the recovery code answered {(int)withRecovery.StatusCode}");
        Assert.Contains(LoginWith2faPage.WrongCode, await recoveryAgain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Enrol_WithAWrongCode_StaysOff()
    {
        var email = await NewPersonAsync();
        var browser = _app.Browser();
        await browser.SignInAsync(email, TwoTenantWorld.Password);
        var key = KeyOf(await browser.GetStringAsync("/Account/Manage/TwoFactor"));

        var wrong = await PostFormAsync(browser, "/Account/Manage/TwoFactor", "enable-two-factor", ("Input.Code", OtherThan(Totp(key))));
        var signIn = await _app.Browser().SignInAsync(email, TwoTenantWorld.Password);

        Assert.Contains("That code is not right", await wrong.Content.ReadAsStringAsync());
        Assert.True(signIn.IsRedirectTo("/"), "two-factor stays off: the password alone signs in");
    }

    [Fact]
    public async Task AgencyRequiresIt_FinanceAndAdminsAreSentToEnrol_OthersAreNot_EnrollingLetsThemIn()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var emails = new Dictionary<string, string>();
        foreach (var role in new[] { "finance", "admin", "pm" })
        {
            emails[role] = await ScratchAccountAsync(tenant, role);
        }

        var saved = await InScopeAsync(tenant.Id, tenant.People["admin"], async (ISettingsCommands commands, IServiceProvider services) =>
        {
            var form = await services.GetRequiredService<ISettingsQueries>().LoadAsync();
            form.RequireTwoFactor = true;
            return await commands.SaveAsync(form);
        });
        Assert.True(saved.Succeeded, saved.Error);

        var finance = _app.Browser();
        Assert.True((await finance.SignInAsync(emails["finance"], TwoTenantWorld.Password)).IsRedirectTo("/"));
        var financeHome = await finance.GetAsync("/");
        var financeCampaigns = await finance.GetAsync("/campaigns");
        var financeExport = await finance.GetAsync("/export/campaigns.csv");
        var enrolPage = await finance.GetStringAsync("/Account/Manage/TwoFactor");
        var admin = _app.Browser();
        await admin.SignInAsync(emails["admin"], TwoTenantWorld.Password);
        var adminHome = await admin.GetAsync("/");
        var pm = _app.Browser();
        await pm.SignInAsync(emails["pm"], TwoTenantWorld.Password);
        var pmHome = await pm.GetAsync("/");

        var key = KeyOf(enrolPage);
        var enrolled = await PostFormAsync(finance, "/Account/Manage/TwoFactor", "enable-two-factor", ("Input.Code", Totp(key)));
        var afterEnrolling = await finance.GetAsync("/");

        Assert.True(financeHome.IsRedirectTo("/Account/Manage/TwoFactor"), $"finance home answered {(int)financeHome.StatusCode}");
        Assert.True(financeCampaigns.IsRedirectTo("/Account/Manage/TwoFactor"));
        Assert.True(financeExport.IsRedirectTo("/Account/Manage/TwoFactor"));
        Assert.Contains("data-testid=\"two-factor-required\"", enrolPage);
        Assert.True(adminHome.IsRedirectTo("/Account/Manage/TwoFactor"));
        Assert.Equal(HttpStatusCode.OK, pmHome.StatusCode);
        Assert.Contains("data-testid=\"recovery-code\"", await enrolled.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, afterEnrolling.StatusCode);
    }

    [Fact]
    public async Task SecondStep_WithoutThePasswordStep_SendsToSignIn()
    {
        var response = await _app.Browser().GetAsync("/Account/LoginWith2fa");

        Assert.True(response.IsRedirectTo("/Account/Login"));
    }

    private async Task<(string Key, List<string> Codes)> EnrolAsync(string email)
    {
        var browser = _app.Browser();
        Assert.True((await browser.SignInAsync(email, TwoTenantWorld.Password)).IsRedirectTo("/"));
        var page = await browser.GetStringAsync("/Account/Manage/TwoFactor");
        var key = KeyOf(page);
        Assert.Contains($"secret={key}", new HtmlParser().ParseDocument(page).QuerySelector("[data-testid=authenticator-uri]")!.GetAttribute("href"));

        var enabled = await PostFormAsync(browser, "/Account/Manage/TwoFactor", "enable-two-factor", ("Input.Code", Totp(key)));
        var codes = new HtmlParser().ParseDocument(await enabled.Content.ReadAsStringAsync())
            .QuerySelectorAll("[data-testid=recovery-code]").Select(c => c.TextContent.Trim()).ToList();
        return (key, codes);
    }

    private static string KeyOf(string page) =>
        new HtmlParser().ParseDocument(page).QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>What the authenticator app shows now.</summary>
    private static string Totp(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    private static string OtherThan(string code) => ((int.Parse(code) + 1) % 1_000_000).ToString("D6");

    /// <summary>Posts the page's form of that name as a browser would, with its hidden fields.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string formName, params (string Name, string Value)[] fields)
    {
        var document = new HtmlParser().ParseDocument(await client.GetStringAsync(path));
        var form = document.QuerySelectorAll("form[method=post]")
                       .FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null)
                   ?? throw new InvalidOperationException($"No form {formName} on {path}");
        var values = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Concat(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync(path, new FormUrlEncodedContent(values));
    }

    private async Task<string> ScratchAccountAsync(ScratchTenant tenant, string role)
    {
        var email = $"{role}@f{tenant.Id:N}.test";
        await using var s = await TestSession.BeginAsync(world.Database.Owner, tenant.Id, "admin", tenant.People["admin"]);
        await s.ExecuteAsync("update agency.employees set email = @email where id = @id", ("email", email), ("id", tenant.People[role]));
        await SignInAccounts.UpsertAsync(s.Connection, s.Transaction, [(tenant.Id, tenant.People[role], email)], TwoTenantWorld.Password);
        await s.CommitAsync();
        return email;
    }

    /// <summary>A scope of the real app in which the given person is signed in, as in their circuit.</summary>
    private async Task<T> InScopeAsync<TService, T>(Guid tenantId, Guid employeeId, Func<TService, IServiceProvider, Task<T>> act)
        where TService : notnull
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(WorkroomClaims.TenantId, tenantId.ToString()), new Claim(WorkroomClaims.EmployeeId, employeeId.ToString())],
            authenticationType: "test"));
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return await act(scope.ServiceProvider.GetRequiredService<TService>(), scope.ServiceProvider);
    }

    /// <summary>A new person of tenant A with an account, for two-factor to be turned on for.</summary>
    private async Task<string> NewPersonAsync()
    {
        var id = Guid.NewGuid();
        var email = $"totp-{id:N}@a.test";
        await using var admin = await world.AppSessionAsync(world.A, "admin");
        await admin.ExecuteAsync(
            "insert into agency.employees (id, full_name, email, agency_role, active) values (@id, 'Two-factor person', @email, 'finance', true)",
            ("id", id), ("email", email));
        await admin.CommitAsync();
        await using var owner = await TestSession.BeginAsync(world.Database.Owner, world.A.Id, "admin", world.A.People["admin"]);
        await SignInAccounts.UpsertAsync(owner.Connection, owner.Transaction, [(world.A.Id, id, email)], TwoTenantWorld.Password);
        await owner.CommitAsync();
        return email;
    }
}
