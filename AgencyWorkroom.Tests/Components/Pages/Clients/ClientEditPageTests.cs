using AgencyWorkroom.Data.Features.Clients;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Pages.Clients;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AgencyWorkroom.Tests.Components.Pages.Clients;

public sealed class ClientEditPageTests : ComponentTestContext
{
    private readonly FakeClientCommands _commands = new();

    [Fact]
    public void Submit_BadCode_ShowsTheMessageNextToTheCodeAndSavesNothing()
    {
        var page = Show("account");

        Type(page, "field-code", "acme foods");
        Type(page, "field-name", "Acme Foods");
        page.Find("form").Submit();

        Assert.Contains("Use 2 to 20 capital letters", FieldError(page, "field-code"));
        Assert.Empty(_commands.Saved);
    }

    [Fact]
    public void Submit_CodeTaken_ShowsTheDatabasesMessageNextToTheCode()
    {
        _commands.Save = _ => Task.FromResult(SaveResult.Field(nameof(ClientForm.Code), "Another client already uses this code."));
        var page = Show("account");

        Type(page, "field-code", "ACME");
        Type(page, "field-name", "Acme Foods");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal("Another client already uses this code.", FieldError(page, "field-code")));
        Assert.Single(_commands.Saved);
    }

    [Fact]
    public void Submit_WhileSaving_DisablesTheButton()
    {
        var pending = new TaskCompletionSource<SaveResult>();
        _commands.Save = _ => pending.Task;
        var page = Show("admin");

        Type(page, "field-code", "ACME");
        Type(page, "field-name", "Acme Foods");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.True(page.Find("[data-testid=save]").HasAttribute("disabled")));
        Assert.Contains("Saving", page.Find("[data-testid=save]").TextContent);
        var saved = Guid.NewGuid();
        pending.SetResult(SaveResult.Saved(saved));
        page.WaitForAssertion(() => Assert.EndsWith($"/clients/{saved}", Services.GetRequiredService<NavigationManager>().Uri));
    }

    [Fact]
    public async Task Submit_TwiceWhileTheFirstIsSaving_SavesOnce()
    {
        var pending = new TaskCompletionSource<SaveResult>();
        _commands.Save = _ => pending.Task;
        var page = Show("account");
        Type(page, "field-code", "ACME");
        Type(page, "field-name", "Acme Foods");

        // The first save waits on the database; the second click arrives meanwhile and is over once handled.
        var first = page.Find("form").SubmitAsync();
        await page.Find("form").SubmitAsync();
        pending.SetResult(SaveResult.Saved(Guid.NewGuid()));
        await first;

        Assert.Single(_commands.Saved);
    }

    [Fact]
    public void Submit_SomeoneElseSavedFirst_ShowsWhoAboveTheFormKeepsTheTypedValuesAndSavesAgainOverTheirs()
    {
        var theirs = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
        _commands.Save = _ => Task.FromResult(SaveResult.Conflict("Ann Admin", theirs, 42));
        var page = Show("account", new ClientForm { Code = "ACME", Name = "Acme Foods", Version = 41 });

        Type(page, "field-name", "Acme Foods Ltd");
        page.Find("form").Submit();

        var expected = $"Changed by Ann Admin at {theirs.ToLocalTime():yyyy-MM-dd HH:mm}. Your changes are still in the form: review theirs and save again.";
        page.WaitForAssertion(() => Assert.Equal(expected, page.Find("[data-testid=form-conflict]").TextContent.Trim()));
        Assert.Equal("Acme Foods Ltd", page.Find("[data-testid=field-name] input").GetAttribute("value"));
        Assert.Equal("ACME", page.Find("[data-testid=field-code] input").GetAttribute("value"));
        Assert.Contains("/edit", Services.GetRequiredService<NavigationManager>().Uri);

        _commands.Save = form => Task.FromResult(SaveResult.Saved(form.Id));
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal(2, _commands.Saved.Count));
        Assert.Equal(42u, _commands.Saved[1].Version);
        Assert.Equal("Acme Foods Ltd", _commands.Saved[1].Name);
    }

    [Fact]
    public void Submit_DatabaseUnreachable_ShowsAFriendlyErrorAndKeepsTheForm()
    {
        _commands.Save = _ => Task.FromException<SaveResult>(new Npgsql.NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111)));
        var page = Show("account");

        Type(page, "field-code", "ACME");
        Type(page, "field-name", "Acme Foods");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("can't reach the database", page.Find("[data-testid=friendly-error]").TextContent));
        Assert.NotNull(page.Find("[data-testid=retry]"));
        Assert.Equal("ACME", page.Find("[data-testid=field-code] input").GetAttribute("value"));
    }

    [Fact]
    public void Submit_RefusedByTheDatabase_ShowsWhy()
    {
        _commands.Save = _ => Task.FromResult(SaveResult.Refused(ClientCommands.RefusedMessage));
        var page = Show("account");

        Type(page, "field-code", "ACME");
        Type(page, "field-name", "Acme Foods");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal(ClientCommands.RefusedMessage, page.Find("[data-testid=form-error]").TextContent.Trim()));
    }

    [Theory]
    [InlineData("creative")]
    [InlineData("pm")]
    [InlineData("finance")]
    public void Render_RoleThatMayNotWrite_IsReadOnly(string role)
    {
        var page = Show(role);

        Assert.NotNull(page.Find("[data-testid=read-only]"));
        Assert.True(page.Find("[data-testid=save]").HasAttribute("disabled"));
        Assert.True(page.Find("fieldset").HasAttribute("disabled"));
    }

    private IRenderedComponent<ClientEditPage> Show(string role, ClientForm? editing = null)
    {
        Services.AddSingleton<IClientQueries>(new FakeClientQueries { Form = editing });
        Services.AddSingleton<IClientCommands>(_commands);
        Services.AddSingleton<IPeopleQueries>(new FakePeopleQueries(new MeDto(Guid.NewGuid(), "Someone", role, "Northwind Creative")));
        Render<MudBlazor.MudPopoverProvider>();
        if (editing is null)
        {
            Services.GetRequiredService<NavigationManager>().NavigateTo("/clients/new");
            return Render<ClientEditPage>();
        }

        Services.GetRequiredService<NavigationManager>().NavigateTo($"/clients/{editing.Id}/edit");
        return Render<ClientEditPage>(p => p.Add(c => c.ClientId, editing.Id));
    }

    private static void Type(IRenderedComponent<ClientEditPage> page, string field, string value) =>
        page.Find($"[data-testid={field}] input").Change(value);

    private static string FieldError(IRenderedComponent<ClientEditPage> page, string field) =>
        page.Find($"[data-testid={field}] .mud-input-helper-text.mud-input-error").TextContent.Trim();
}
