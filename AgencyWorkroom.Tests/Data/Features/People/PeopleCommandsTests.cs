using System.Security.Claims;
using AgencyWorkroom.Data.Features.Import;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Data.Identity;
using AgencyWorkroom.Data.Session;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Account;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace AgencyWorkroom.Tests.Data.Features.People;

/// <summary>An admin's people commands, wired as the app wires them, with sign-in as the proof.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class PeopleCommandsTests(TwoTenantWorld world) : IAsyncLifetime
{
    private readonly WorkroomAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task CreateAsync_ByAdmin_TheNewPersonCanSignInWithTheirRole()
    {
        var form = NewForm("pm");

        var result = await AsAdminAsync(c => c.CreateAsync(form));
        var signIn = await _app.Browser().SignInAsync(form.Email, form.Password);

        Assert.True(result.Succeeded);
        var person = await ListedAsync(form.Email);
        Assert.Equal(result.Id, person.Id);
        Assert.Equal("pm", person.Role);
        Assert.True(person is { Active: true, HasAccount: true, Pending: false });
        Assert.True(signIn.IsRedirectTo("/"));
    }

    [Theory]
    [InlineData("account")]
    [InlineData("leadership")]
    public async Task CreateAsync_ByNonAdmin_IsRefusedWithAMessage(string role)
    {
        var form = NewForm("creative");

        var result = await AsPersonAsync(world.A, role, (IPeopleCommands c) => c.CreateAsync(form));

        Assert.Equal(PeopleCommands.RefusedMessage, result.Error);
        Assert.False((await _app.Browser().SignInAsync(form.Email, form.Password)).IsRedirectTo("/"));
        Assert.Equal(0L, await AccountCountAsync(form.Email));
    }

    [Fact]
    public async Task CreateAsync_WeakPassword_IsAMessageOnThePasswordAndSavesNothing()
    {
        var form = NewForm("creative");
        form.Password = "weakweakweak";

        var result = await AsAdminAsync(c => c.CreateAsync(form));
        var listed = await AsPersonAsync(world.A, "admin", (IPeopleQueries q) => q.ListAsync());

        Assert.NotEmpty(result.FieldErrors[nameof(NewPersonForm.Password)]);
        Assert.DoesNotContain(listed, p => p.Email == form.Email);
    }

    [Fact]
    public async Task CreateAsync_EmailOfSomeoneAtTheAgency_IsAMessageOnTheEmail()
    {
        var form = NewForm("creative");
        form.Email = world.A.Email("pm");

        var result = await AsAdminAsync(c => c.CreateAsync(form));

        Assert.Equal(PeopleCommands.EmailInUse, result.FieldErrors[nameof(NewPersonForm.Email)]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CreateAsync_EmailOfAnotherAgencysAccount_AnswersAsForOurOwnAndRevealsNothing(bool upperCase)
    {
        var theirs = world.B.Email("pm");
        var form = NewForm("creative");
        form.Email = upperCase ? theirs.ToUpperInvariant() : theirs;
        var ours = NewForm("creative");
        ours.Email = world.A.Email("pm");

        var result = await AsAdminAsync(c => c.CreateAsync(form));
        var forOurOwn = await AsAdminAsync(c => c.CreateAsync(ours));

        RunReport.Add(RunReport.BadInputs, 1, "another agency's account email given for a new person");
        var message = result.FieldErrors[nameof(NewPersonForm.Email)];
        Assert.Equal(forOurOwn.FieldErrors[nameof(NewPersonForm.Email)], message);
        Assert.Null(result.Error);
        Assert.DoesNotContain("Tenant B", message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(world.B.Id.ToString("N")[..8], message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("agency", message, StringComparison.OrdinalIgnoreCase);
        // Nothing written on either side: no person here, their account as it was (it still signs in).
        Assert.DoesNotContain(await AsPersonAsync(world.A, "admin", (IPeopleQueries q) => q.ListAsync()),
            p => string.Equals(p.Email, theirs, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1L, await AccountCountAsync(theirs));
        Assert.True((await _app.Browser().SignInAsync(theirs, TwoTenantWorld.Password)).IsRedirectTo("/"));
    }

    [Fact]
    public async Task SetActiveAsync_Deactivated_CannotSignInAnyMore()
    {
        var form = NewForm("creative");
        var created = await AsAdminAsync(c => c.CreateAsync(form));

        Assert.True(await AsAdminAsync(c => c.SetActiveAsync(created.Id!.Value, false)));
        var signIn = await _app.Browser().SignInAsync(form.Email, form.Password);

        Assert.False(signIn.IsRedirectTo("/"));
    }

    [Fact]
    public async Task CreateAsync_AccountStoreFailsBeforeTheAccount_PendingUntilARetryFinishes()
    {
        var form = NewForm("creative");

        await Assert.ThrowsAsync<IOException>(() => AsAdminAsync(c => c.CreateAsync(form), AccountFailure.BeforeTheAccount));
        var pending = await ListedAsync(form.Email);
        var signInWhilePending = await _app.Browser().SignInAsync(form.Email, form.Password);
        var retry = await AsAdminAsync(c => c.CreateAsync(form));

        Assert.True(pending is { Pending: true, Active: false, HasAccount: false });
        Assert.False(signInWhilePending.IsRedirectTo("/"));
        Assert.True(retry.Succeeded);
        Assert.Equal(pending.Id, retry.Id);
        var finished = await ListedAsync(form.Email);
        Assert.True(finished is { Pending: false, Active: true, HasAccount: true });
        Assert.Equal(1L, await AccountCountAsync(form.Email));
        Assert.True((await _app.Browser().SignInAsync(form.Email, form.Password)).IsRedirectTo("/"));
        RunReport.Add(RunReport.FaultsSurvived, 1, "the account store failing half-way through adding a person (a retry finished it)");
    }

    [Fact]
    public async Task CreateAsync_RetryWithTheEmailInAnotherCase_FinishesThePendingPerson()
    {
        var form = NewForm("pm");
        await Assert.ThrowsAsync<IOException>(() => AsAdminAsync(c => c.CreateAsync(form), AccountFailure.BeforeTheAccount));
        var pending = await ListedAsync(form.Email);

        form.Email = form.Email.ToUpperInvariant();
        var retry = await AsAdminAsync(c => c.CreateAsync(form));

        Assert.True(retry.Succeeded, retry.Error ?? string.Join(" ", retry.FieldErrors.Values));
        Assert.Equal(pending!.Id, retry.Id);
        Assert.True((await ListedAsync(form.Email.ToLowerInvariant())) is { Pending: false, Active: true, HasAccount: true });
    }

    [Fact]
    public async Task CreateAsync_FailsAfterTheAccountWasMade_RetryActivatesWithoutASecondAccount()
    {
        var form = NewForm("pm");

        await Assert.ThrowsAsync<IOException>(() => AsAdminAsync(c => c.CreateAsync(form), AccountFailure.AfterTheAccount));
        var signInWhilePending = await _app.Browser().SignInAsync(form.Email, form.Password);
        var retry = await AsAdminAsync(c => c.CreateAsync(form));

        Assert.False(signInWhilePending.IsRedirectTo("/"));
        Assert.True(retry.Succeeded);
        Assert.True(await ListedAsync(form.Email) is { Pending: false, Active: true, HasAccount: true, Role: "pm" });
        Assert.Equal(1L, await AccountCountAsync(form.Email));
        Assert.True((await _app.Browser().SignInAsync(form.Email, form.Password)).IsRedirectTo("/"));
        RunReport.Add(RunReport.FaultsSurvived, 1, "the account store failing half-way through adding a person (a retry finished it)");
    }

    [Fact]
    public async Task SetActiveAsync_PendingPerson_StaysPending()
    {
        var form = NewForm("creative");
        await Assert.ThrowsAsync<IOException>(() => AsAdminAsync(c => c.CreateAsync(form), AccountFailure.BeforeTheAccount));
        var pending = await ListedAsync(form.Email);

        var changed = await AsAdminAsync(c => c.SetActiveAsync(pending.Id, true));

        Assert.False(changed);
        Assert.True(await ListedAsync(form.Email) is { Pending: true, Active: false });
    }

    [Fact]
    public async Task GiveImportedAccountsAsync_ThePeopleAnImportAdded_GetAnAccountAndAResetCodeEach_OnlyFromAnAdmin_AndOnce()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (ana, ben) = ($"ana-{tag}@a.test", $"ben-{tag}@a.test");
        var file = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"Email,Name,Role\n{ana},Ana Import,creative\n{ben},Ben Import,pm\n"));
        var summary = await InScopeAsync(world.A, "admin", services =>
            services.GetRequiredService<IImportCommands>().ImportPeopleAsync(file, "people.csv", new ImportOptions(DryRun: false)));
        var batch = summary.BatchId!.Value;
        var before = await ListedAsync(ana);

        var byPm = await AsPersonAsync(world.A, "pm", (IPeopleCommands c) => c.GiveImportedAccountsAsync(batch));
        var given = await AsAdminAsync(c => c.GiveImportedAccountsAsync(batch));
        var again = await AsAdminAsync(c => c.GiveImportedAccountsAsync(batch));

        Assert.True(before is { Active: true, HasAccount: false });
        Assert.Empty(byPm);
        Assert.Equal(["Ana Import", "Ben Import"], given.Select(g => g.FullName));
        Assert.All(given, g => Assert.True(g is { Problem: null, Reset.Token.Length: > 0 }, g.Problem));
        Assert.True(await ListedAsync(ana) is { Active: true, HasAccount: true, Pending: false });
        Assert.Equal((1L, 1L), (await AccountCountAsync(ana), await AccountCountAsync(ben)));
        Assert.Empty(again);
    }

    private static NewPersonForm NewForm(string role) => new()
    {
        FullName = "New Person",
        Email = $"new-{Guid.NewGuid():N}@a.test",
        Role = role,
        Password = "Brand-new-pass-1",
    };

    private async Task<PersonDto> ListedAsync(string email) =>
        Assert.Single(await AsPersonAsync(world.A, "admin", (IPeopleQueries q) => q.ListAsync()), p => p.Email == email);

    private async Task<long> AccountCountAsync(string email)
    {
        await using var owner = await TestSession.BeginWithoutContextAsync(world.Database.Owner);
        return await owner.ScalarAsync<long>("select count(*) from identity.users where email = @email", ("email", email));
    }

    /// <summary>The admin's commands; with <paramref name="failure"/>, over an account store that fails so.</summary>
    private Task<T> AsAdminAsync<T>(Func<IPeopleCommands, Task<T>> act, AccountFailure? failure = null) =>
        InScopeAsync(world.A, "admin", services => act(failure is { } when
            ? new PeopleCommands(
                services.GetRequiredService<UnitOfWork>(),
                services.GetRequiredService<ISessionContextSource>(),
                new FailingAccounts(services.GetRequiredService<IAccountStore>(), when))
            : services.GetRequiredService<IPeopleCommands>()));

    private Task<T> AsPersonAsync<TService, T>(SeededTenant tenant, string role, Func<TService, Task<T>> act)
        where TService : notnull =>
        InScopeAsync(tenant, role, services => act(services.GetRequiredService<TService>()));

    /// <summary>A scope of the real app in which the given person is signed in, as in their circuit.</summary>
    private async Task<T> InScopeAsync<T>(SeededTenant tenant, string role, Func<IServiceProvider, Task<T>> act)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(WorkroomClaims.TenantId, tenant.Id.ToString()), new Claim(WorkroomClaims.EmployeeId, tenant.People[role].ToString())],
            authenticationType: "test"));
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return await act(scope.ServiceProvider);
    }

    private enum AccountFailure
    {
        BeforeTheAccount,
        AfterTheAccount,
    }

    /// <summary>The real account store, failing (as a lost connection would) before or after it makes the account.</summary>
    private sealed class FailingAccounts(IAccountStore real, AccountFailure when) : IAccountStore
    {
        public Task<IReadOnlyList<string>> ValidatePasswordAsync(ApplicationUser user, string password) => real.ValidatePasswordAsync(user, password);

        public Task<Guid?> FindIdByEmailAsync(string email) => real.FindIdByEmailAsync(email);

        public async Task<IReadOnlyList<string>> CreateAsync(ApplicationUser user, string password)
        {
            if (when == AccountFailure.AfterTheAccount)
            {
                Assert.Empty(await real.CreateAsync(user, password));
            }

            throw new IOException("The account store went away.");
        }
    }
}
