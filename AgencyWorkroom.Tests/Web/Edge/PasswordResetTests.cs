using System.Net;
using System.Security.Claims;
using System.Text;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Data.Identity;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Account;
using AgencyWorkroom.Web.Components.Account.Pages;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace AgencyWorkroom.Tests.Web.Edge;

/// <summary>
/// An admin's password reset end to end through the real app: the admin gets a one-time link, the
/// person (signed out) sets a new password with it and signs in; the link works once, expires,
/// and no one but an admin of the person's own agency gets one.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class PasswordResetTests(TwoTenantWorld world) : IAsyncLifetime
{
    private const string NewPassword = "Fresh-start-pass-2";

    private readonly WorkroomAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Link_SetsANewPasswordOnce_TheOldStopsAndTheNewSignsIn()
    {
        var (employee, email) = await NewPersonAsync();
        var reset = await InScopeAsync(world.A, "admin", (IPeopleCommands c) => c.CreatePasswordResetAsync(employee));
        Assert.NotNull(reset);
        var link = Link(reset);
        var person = _app.Browser();

        var oldStillWorks = await _app.Browser().SignInAsync(email, TwoTenantWorld.Password);
        var set = await SetPasswordAsync(person, link, NewPassword);
        var login = await person.GetStringAsync("/Account/Login");
        var withOld = await _app.Browser().SignInAsync(email, TwoTenantWorld.Password);
        var withNew = await _app.Browser().SignInAsync(email, NewPassword);
        var again = await person.GetStringAsync(link);
        var secondUse = await SetPasswordAsync(_app.Browser(), link, "Another-pass-3x", expectForm: false);

        Assert.True(oldStillWorks.IsRedirectTo("/"), "the old password works until the link is used");
        Assert.True(set.IsRedirectTo("/Account/Login"), $"setting the password answered {(int)set.StatusCode}");
        Assert.Contains(ResetPasswordPage.PasswordSet, login);
        Assert.False(withOld.IsRedirectTo("/"));
        Assert.True(withNew.IsRedirectTo("/"));
        Assert.Contains(Encoded(ResetPasswordPage.LinkUnusable), again);
        Assert.DoesNotContain("Input.NewPassword", again);
        Assert.False(secondUse.IsRedirectTo("/Account/Login"));
        Assert.False((await _app.Browser().SignInAsync(email, "Another-pass-3x")).IsRedirectTo("/"));
    }

    [Fact]
    public async Task Link_AfterItsLifetime_IsRefused()
    {
        await using var quick = new WorkroomAppFactory { Settings = { ["Workroom:PasswordResetLinkLifetime"] = "00:00:01" } };
        var (employee, email) = await NewPersonAsync();
        var reset = await InScopeAsync(quick, world.A, "admin", (IPeopleCommands c) => c.CreatePasswordResetAsync(employee));

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var page = await quick.Browser().GetStringAsync(Link(reset!));

        Assert.Contains(Encoded(ResetPasswordPage.LinkUnusable), page);
        Assert.DoesNotContain("Input.NewPassword", page);
        Assert.True((await quick.Browser().SignInAsync(email, TwoTenantWorld.Password)).IsRedirectTo("/"));
    }

    [Fact]
    public async Task Link_WithTheCodeTamperedOrForAnotherAccount_IsRefused()
    {
        var (employee, _) = await NewPersonAsync();
        var (other, _) = await NewPersonAsync();
        var reset = (await InScopeAsync(world.A, "admin", (IPeopleCommands c) => c.CreatePasswordResetAsync(employee)))!;
        var otherAccount = await AccountOfAsync(other);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(reset.Token));

        RunReport.Add(RunReport.BadInputs, 3, "password-reset links tampered with (another account, a changed code, no code)");
        var forOther = await _app.Browser().GetStringAsync($"/Account/ResetPassword?account={otherAccount}&code={code}");
        var tampered = await _app.Browser().GetStringAsync($"/Account/ResetPassword?account={reset.AccountId}&code={code[..^4]}AAAA");
        var noCode = await _app.Browser().GetStringAsync($"/Account/ResetPassword?account={reset.AccountId}");

        Assert.All([forOther, tampered, noCode], page => Assert.Contains(Encoded(ResetPasswordPage.LinkUnusable), page));
    }

    [Theory]
    [InlineData("pm")]
    [InlineData("leadership")]
    [InlineData("finance")]
    public async Task OnlyAnAdmin_GetsALink(string role)
    {
        var (employee, _) = await NewPersonAsync();

        var reset = await InScopeAsync(world.A, role, (IPeopleCommands c) => c.CreatePasswordResetAsync(employee));

        Assert.Null(reset);
    }

    [Fact]
    public async Task AnotherAgencysAdmin_GetsNoLinkForOurPerson()
    {
        var (employee, email) = await NewPersonAsync();

        var reset = await InScopeAsync(world.B, "admin", (IPeopleCommands c) => c.CreatePasswordResetAsync(employee));

        Assert.Null(reset);
        Assert.True((await _app.Browser().SignInAsync(email, TwoTenantWorld.Password)).IsRedirectTo("/"));
    }

    [Fact]
    public async Task LockedOutPerson_SignsInAtOnceWithTheNewPassword()
    {
        var (employee, email) = await NewPersonAsync();
        for (var i = 0; i < 5; i++)
        {
            await _app.Browser().SignInAsync(email, "wrong-password");
        }

        var reset = await InScopeAsync(world.A, "admin", (IPeopleCommands c) => c.CreatePasswordResetAsync(employee));
        await SetPasswordAsync(_app.Browser(), Link(reset!), NewPassword);

        Assert.True((await _app.Browser().SignInAsync(email, NewPassword)).IsRedirectTo("/"));
    }

    private static string Link(PasswordReset? reset) =>
        $"/Account/ResetPassword?account={reset!.AccountId}&code={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(reset.Token))}";

    private static string Encoded(string text) => System.Net.WebUtility.HtmlEncode(text);

    /// <summary>Fills and posts the link's form as a browser would; without a form, posts what a form would have held.</summary>
    private static async Task<HttpResponseMessage> SetPasswordAsync(HttpClient client, string link, string password, bool expectForm = true)
    {
        var page = await client.GetStringAsync(link);
        var form = new HtmlParser().ParseDocument(page).QuerySelector("form[method=post]");
        Assert.Equal(expectForm, form is not null);
        var hidden = form?.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")) ?? [new("_handler", "reset-password")];
        return await client.PostAsync(link, new FormUrlEncodedContent(
            hidden.Concat([new("Input.NewPassword", password), new("Input.ConfirmPassword", password)])));
    }

    private Task<T> InScopeAsync<TService, T>(SeededTenant tenant, string role, Func<TService, Task<T>> act) where TService : notnull =>
        InScopeAsync(_app, tenant, role, act);

    /// <summary>A scope of the real app in which the given person is signed in, as in their circuit.</summary>
    private static async Task<T> InScopeAsync<TService, T>(WorkroomAppFactory app, SeededTenant tenant, string role, Func<TService, Task<T>> act)
        where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(WorkroomClaims.TenantId, tenant.Id.ToString()), new Claim(WorkroomClaims.EmployeeId, tenant.People[role].ToString())],
            authenticationType: "test"));
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return await act(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task<Guid> AccountOfAsync(Guid employee)
    {
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.Owner);
        return await s.ScalarAsync<Guid>("select id from identity.users where employee_id = @e", ("e", employee));
    }

    /// <summary>A new person of tenant A with an account (tests spoil their password).</summary>
    private async Task<(Guid Employee, string Email)> NewPersonAsync()
    {
        var id = Guid.NewGuid();
        var email = $"reset-{id:N}@a.test";
        await using var admin = await world.AppSessionAsync(world.A, "admin");
        await admin.ExecuteAsync(
            "insert into agency.employees (id, full_name, email, agency_role, active) values (@id, 'Reset person', @email, 'creative', true)",
            ("id", id), ("email", email));
        await admin.CommitAsync();
        await using var owner = await TestSession.BeginAsync(world.Database.Owner, world.A.Id, "admin", world.A.People["admin"]);
        await SignInAccounts.UpsertAsync(owner.Connection, owner.Transaction, [(world.A.Id, id, email)], TwoTenantWorld.Password);
        await owner.CommitAsync();
        return (id, email);
    }
}
