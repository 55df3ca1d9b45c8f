using AgencyWorkroom.Data.Features.Clients;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Data.Views;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Pages.Clients;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AgencyWorkroom.Tests.Components.Pages.Clients;

public sealed class ClientPageTests : ComponentTestContext
{
    private static readonly BrandDto Crunchy = new(Guid.NewGuid(), "CRUNCH", "Crunchy", "Snacks", 2, 17);
    private readonly FakeClientCommands _commands = new();
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    [Fact]
    public void Render_Missing_SaysSo()
    {
        var page = Show("account", detail: null);

        Assert.Contains("no such client", page.Find("[data-testid=not-found]").TextContent);
    }

    [Theory]
    [InlineData("account", true)]
    [InlineData("admin", true)]
    [InlineData("pm", false)]
    [InlineData("creative", false)]
    public void Render_EditArchiveAndBrandButtons_OnlyForRolesThatMayWrite(string role, bool canWrite)
    {
        var page = Show(role, Detail());

        Assert.Equal("Acme Foods", page.Find("[data-testid=client-name]").TextContent.Trim());
        Assert.Equal(canWrite, page.FindAll("[data-testid=edit-client]").Count == 1);
        Assert.Equal(canWrite, page.FindAll("[data-testid=add-brand]").Count == 1);
        Assert.Equal(canWrite, page.FindAll("[data-testid=edit-brand]").Count == 1);
        Assert.Equal(!canWrite, page.FindAll("[data-testid=read-only]").Count == 1);
    }

    [Fact]
    public void EditBrand_Saved_SendsTheBrandsIdAndTheVersionItWasReadAt()
    {
        var page = Show("account", Detail());

        page.Find("[data-testid=edit-brand]").Click();
        page.WaitForAssertion(() => Assert.NotNull(_dialogs.Find("[data-testid=brand-dialog]")));
        _dialogs.Find("[data-testid=field-brand-name] input").Change("Crunchier");
        _dialogs.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Single(_commands.BrandSaves));
        var (kind, id, form) = _commands.BrandSaves[0];
        Assert.Equal(("update", Crunchy.Id, Crunchy.Version), (kind, id, form.Version!.Value));
        Assert.Equal(("CRUNCH", "Crunchier"), (form.Code, form.Name));
    }

    private IRenderedComponent<ClientPage> Show(string role, ClientDetailDto? detail)
    {
        Services.AddSingleton<IClientQueries>(new FakeClientQueries { Detail = detail });
        Services.AddSingleton<IClientCommands>(_commands);
        Services.AddSingleton<IPeopleQueries>(new FakePeopleQueries(new MeDto(Guid.NewGuid(), "Someone", role, "Northwind Creative")));
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        return Render<ClientPage>(p => p.Add(c => c.ClientId, detail?.Summary.ClientId ?? Guid.NewGuid()));
    }

    private static ClientDetailDto Detail() => new(
        new Client360Row { ClientId = Guid.NewGuid(), Code = "ACME", Name = "Acme Foods", Status = "active" },
        "Prefers email.",
        [Crunchy],
        [],
        [],
        [],
        []);
}
