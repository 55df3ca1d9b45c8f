using AgencyWorkroom.Data.Features.Clients;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Data.Views;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Pages.Clients;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AgencyWorkroom.Tests.Components.Pages.Clients;

public sealed class ClientListPageTests : ComponentTestContext
{
    [Fact]
    public void Render_Rows_ShowMoneyOrADashAsTheViewReturnedIt()
    {
        var page = Show("finance", Row("ACME", margin: 1234m), Row("GLOBEX", margin: null));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=client-row]").Count));
        Assert.Equal(["1,234", "—"], page.FindAll("[data-testid=client-margin]").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public void Render_NoRows_ShowsTheEmptyState()
    {
        var page = Show("account");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=clients-empty]")));
    }

    [Fact]
    public void Render_FiltersInTheUrl_ReachTheQueryAndTheExportLink()
    {
        var queries = new FakeClientQueries { Rows = [Row("ACME", 1m)] };
        var page = Show("account", queries, "/clients?q=acme&status=active&sector=Food&sort=name&desc=true");

        page.WaitForAssertion(() => Assert.Contains(new ClientFilter("acme", "active", "Food"), queries.Filters));
        Assert.Contains(queries.Pages, p => p.SortBy == "name" && p.Descending);
        var export = page.Find("[data-testid=export-clients]").GetAttribute("href")!;
        Assert.StartsWith("/export/clients.csv?", export);
        foreach (var part in new[] { "q=acme", "status=active", "sector=Food", "sort=name", "desc=true" })
        {
            Assert.Contains(part, export);
        }
    }

    [Theory]
    [InlineData("creative", false)]
    [InlineData("finance", false)]
    [InlineData("account", true)]
    [InlineData("admin", true)]
    public void Render_NewClient_OnlyForRolesThatMayWrite(string role, bool canWrite)
    {
        var page = Show(role);

        Assert.Equal(canWrite, page.FindAll("[data-testid=new-client]").Count == 1);
        Assert.Equal(!canWrite, page.FindAll("[data-testid=read-only]").Count == 1);
    }

    private IRenderedComponent<ClientListPage> Show(string role, params Client360Row[] rows) => Show(role, new FakeClientQueries { Rows = [.. rows] });

    private IRenderedComponent<ClientListPage> Show(string role, FakeClientQueries queries, string url = "/clients")
    {
        Services.AddSingleton<IClientQueries>(queries);
        Services.AddSingleton<IPeopleQueries>(new FakePeopleQueries(new MeDto(Guid.NewGuid(), "Someone", role, "Northwind Creative")));
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        Render<MudBlazor.MudPopoverProvider>();
        return Render<ClientListPage>();
    }

    private static Client360Row Row(string code, decimal? margin) => new()
    {
        ClientId = Guid.NewGuid(), Code = code, Name = code + " Inc", Status = "active", Margin = margin, Spend = margin, Revenue = margin,
    };
}
