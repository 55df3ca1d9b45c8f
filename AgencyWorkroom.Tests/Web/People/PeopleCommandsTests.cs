using System.Security.Claims;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Account;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace AgencyWorkroom.Tests.Web.People;

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

        var errors = await AsPersonAsync(world.A, "admin", c => c.CreateAsync(form));
        var signIn = await _app.Browser().SignInAsync(form.Email, form.Password);
        var listed = await AsPersonAsync(world.A, "admin", (IPeopleQueries q) => q.ListAsync());

        Assert.Empty(errors);
        Assert.True(signIn.IsRedirectTo("/"));
        Assert.Contains(listed, p => p.Email == form.Email && p.Role == "pm" && p.HasAccount);
    }

    [Theory]
    [InlineData("account")]
    [InlineData("leadership")]
    public async Task CreateAsync_ByNonAdmin_IsRefusedWithAMessage(string role)
    {
        var form = NewForm("creative");

        var errors = await AsPersonAsync(world.A, role, c => c.CreateAsync(form));

        Assert.Equal(["Only admins can add people."], errors);
        Assert.False((await _app.Browser().SignInAsync(form.Email, form.Password)).IsRedirectTo("/"));
    }

    [Fact]
    public async Task CreateAsync_WeakPassword_SavesNothing()
    {
        var form = NewForm("creative");
        form.Password = "weakweakweak";

        var errors = await AsPersonAsync(world.A, "admin", c => c.CreateAsync(form));
        var listed = await AsPersonAsync(world.A, "admin", (IPeopleQueries q) => q.ListAsync());

        Assert.NotEmpty(errors);
        Assert.DoesNotContain(listed, p => p.Email == form.Email);
    }

    [Fact]
    public async Task SetActiveAsync_Deactivated_CannotSignInAnyMore()
    {
        var form = NewForm("creative");
        await AsPersonAsync(world.A, "admin", c => c.CreateAsync(form));
        var person = (await AsPersonAsync(world.A, "admin", (IPeopleQueries q) => q.ListAsync())).Single(p => p.Email == form.Email);

        Assert.True(await AsPersonAsync(world.A, "admin", c => c.SetActiveAsync(person.Id, false)));
        var signIn = await _app.Browser().SignInAsync(form.Email, form.Password);

        Assert.False(signIn.IsRedirectTo("/"));
    }

    private static NewPersonForm NewForm(string role) => new()
    {
        FullName = "New Person",
        Email = $"new-{Guid.NewGuid():N}@a.test",
        Role = role,
        Password = "Brand-new-pass-1",
    };

    private Task<T> AsPersonAsync<T>(SeededTenant tenant, string role, Func<PeopleCommands, Task<T>> act) =>
        AsPersonAsync<PeopleCommands, T>(tenant, role, act);

    private Task<T> AsPersonAsync<T>(SeededTenant tenant, string role, Func<IPeopleQueries, Task<T>> act) =>
        AsPersonAsync<IPeopleQueries, T>(tenant, role, act);

    /// <summary>A scope of the real app in which the given person is signed in, as in their circuit.</summary>
    private async Task<T> AsPersonAsync<TService, T>(SeededTenant tenant, string role, Func<TService, Task<T>> act)
        where TService : notnull
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(WorkroomClaims.TenantId, tenant.Id.ToString()), new Claim(WorkroomClaims.EmployeeId, tenant.People[role].ToString())],
            authenticationType: "test"));
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return await act(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
