using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Data.Features.Status;
using AgencyWorkroom.Data.Schema;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Pages.Home;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AgencyWorkroom.Tests.Components.Pages.Home;

public sealed class HomePageTests : ComponentTestContext
{
    [Fact]
    public void Render_DatabaseUnreachable_ShowsNotReachableWithError()
    {
        UseStatus(new FakeDatabaseStatus(
            new SchemaStatus(false, null, null, 7, "Failed to connect to 127.0.0.1:55432: Connection refused")));

        var page = Render<HomePage>();

        Assert.Equal("Database not reachable", page.Find("[data-testid=status-chip]").TextContent.Trim());
        Assert.Equal(
            "Failed to connect to 127.0.0.1:55432: Connection refused",
            page.Find("[data-testid=status-error]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=status-level]"));
    }

    [Fact]
    public void Render_SchemaCurrent_ShowsLevelUpToDate()
    {
        UseStatus(new FakeDatabaseStatus(new SchemaStatus(true, 7, "agency_rls_policies", 7, null)));

        var page = Render<HomePage>();

        Assert.Equal("Database connected", page.Find("[data-testid=status-chip]").TextContent.Trim());
        Assert.Equal(
            "Migration level: 007 (agency_rls_policies) — up to date",
            page.Find("[data-testid=status-level]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=status-error]"));
    }

    [Fact]
    public void Render_SchemaBehind_ShowsHowManyApplied()
    {
        UseStatus(new FakeDatabaseStatus(new SchemaStatus(true, 5, "agency_ai_rag", 7, null)));

        var page = Render<HomePage>();

        Assert.Equal(
            "Migration level: 005 (agency_ai_rag) — behind: 5 of 7 applied",
            page.Find("[data-testid=status-level]").TextContent.Trim());
    }

    [Fact]
    public void Render_NeverMigrated_ShowsNoneApplied()
    {
        UseStatus(new FakeDatabaseStatus(new SchemaStatus(true, null, null, 7, null)));

        var page = Render<HomePage>();

        Assert.Equal(
            "Migration level: none — behind: 0 of 7 applied",
            page.Find("[data-testid=status-level]").TextContent.Trim());
    }

    [Fact]
    public void Render_StatusPending_ShowsLoadingUntilAnswered()
    {
        var status = new FakeDatabaseStatus();
        UseStatus(status);

        var page = Render<HomePage>();
        Assert.NotNull(page.Find("[data-testid=status-loading]"));
        Assert.Empty(page.FindAll("[data-testid=status-chip]"));

        status.Answer(new SchemaStatus(true, 7, "agency_rls_policies", 7, null));

        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("[data-testid=status-loading]"));
            Assert.Equal("Database connected", page.Find("[data-testid=status-chip]").TextContent.Trim());
        });
    }

    [Fact]
    public void Render_SchemaCurrent_GreetsThePersonWithTenantAndRole()
    {
        UseStatus(new FakeDatabaseStatus(new SchemaStatus(true, 8, "identity_and_sessions", 8, null)));

        var page = Render<HomePage>();

        var greeting = page.Find("[data-testid=greeting]").TextContent;
        Assert.Contains("Welcome, Fran Finance", greeting);
        Assert.Contains("Northwind Creative", greeting);
        Assert.Contains("Finance", greeting);
    }

    [Fact]
    public void Render_DatabaseUnreachable_DoesNotAskForThePerson()
    {
        UseStatus(new FakeDatabaseStatus(new SchemaStatus(false, null, null, 8, "refused")));

        var page = Render<HomePage>();

        Assert.Empty(page.FindAll("[data-testid=greeting]"));
        Assert.Equal(0, _people.Calls);
    }

    private readonly FakePeopleQueries _people = new(new MeDto(Guid.NewGuid(), "Fran Finance", "finance", "Northwind Creative"));

    private void UseStatus(IDatabaseStatus status)
    {
        Services.AddSingleton(status);
        Services.AddSingleton<IPeopleQueries>(_people);
    }
}
