using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Features.Notifications;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Data.Features.Search;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Layout;
using AgencyWorkroom.Web.Components.Pages.Campaigns;
using AgencyWorkroom.Web.Components.Shared;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AgencyWorkroom.Tests.Components.Layout;

public sealed class MainLayoutTests : ComponentTestContext
{
    private static readonly string[] ScreenRoutes = ["/", "/clients", "/campaigns", "/artifacts", "/rates", "/timesheets", "/capacity", "/analytics", "/knowledge"];

    [Fact]
    public void Render_SignedIn_ShowsTenantPersonRoleSearchAndTheScreenRoutes()
    {
        var layout = Show("pm");

        Assert.Equal("Northwind Creative", layout.Find("[data-testid=tenant-name]").TextContent.Trim());
        Assert.Contains("Pat Person", layout.Find("[data-testid=current-person]").TextContent);
        Assert.Equal("Project manager", layout.Find("[data-testid=current-role]").TextContent.Trim());
        Assert.NotEmpty(layout.FindAll("[data-testid=global-search]"));
        Assert.Equal(ScreenRoutes, layout.FindAll("nav a[data-testid^=nav-]").Select(a => a.GetAttribute("href")));
        Assert.NotNull(layout.Find("[data-testid=sign-out]"));
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("account", false)]
    [InlineData("finance", false)]
    public void Render_PeopleLink_OnlyForAdmins(string role, bool shown)
    {
        var layout = Show(role);

        Assert.Equal(shown, layout.FindAll("[data-testid=nav-people]").Count == 1);
    }

    [Fact]
    public void Render_UnreadAlertsAndApprovals_CountOnTheBell()
    {
        var feed = new NotificationsDto(
        [
            new NotificationDto(Guid.NewGuid(), "Spring launch has spent 75% of its budget", Guid.NewGuid(), 75, DateTimeOffset.UtcNow, false),
            new NotificationDto(Guid.NewGuid(), "Spring launch has spent 50% of its budget", Guid.NewGuid(), 50, DateTimeOffset.UtcNow, true),
        ], PendingApprovals: 4);

        var layout = Show("pm", feed);

        Assert.Contains("2", layout.Find("[data-testid=notifications-count]").TextContent);
        Assert.Equal("Notifications, 2 new", layout.Find("[data-testid=notifications-label]").TextContent);
    }

    [Fact]
    public void Render_BodyFails_ShowsAFriendlyErrorWithRetry()
    {
        Services.AddSingleton<IPeopleQueries>(new FakePeopleQueries(Me("pm")));
        AddShellServices(NotificationsDto.None);

        var layout = Render<MainLayout>(p => p.Add(l => l.Body, builder =>
        {
            builder.OpenComponent<Failing>(0);
            builder.CloseComponent();
        }));

        Assert.Contains("We can't reach the database right now", layout.Find("[data-testid=friendly-error]").TextContent);
        Assert.NotNull(layout.Find("[data-testid=retry]"));
        Assert.DoesNotContain("at AgencyWorkroom", layout.Markup);
    }

    [Fact]
    public void Render_PageServiceThrowsPostgresException_ShowsAFriendlyErrorWithoutTheDatabasesText()
    {
        const string secret = "relation \"agency.salaries_2026\" does not exist (host db-internal.northwind:5432, role workroom_app)";
        Services.AddSingleton<ICampaignQueries>(new FakeCampaignQueries { Failure = new PostgresException(secret, "ERROR", "ERROR", PostgresErrorCodes.UndefinedTable) });
        Services.AddSingleton<ICampaignCommands>(new FakeCampaignCommands());
        Services.AddSingleton<IPeopleQueries>(new FakePeopleQueries(Me("pm")));
        AddShellServices(NotificationsDto.None);

        var layout = Render<MainLayout>(p => p.Add(l => l.Body, builder =>
        {
            builder.OpenComponent<CampaignPage>(0);
            builder.AddComponentParameter(1, nameof(CampaignPage.CampaignId), Guid.NewGuid());
            builder.CloseComponent();
        }));

        layout.WaitForAssertion(() => Assert.Contains(Failures.Unexpected, layout.Find("[data-testid=friendly-error]").TextContent));
        Assert.DoesNotContain("salaries", layout.Markup);
        Assert.DoesNotContain("workroom_app", layout.Markup);
    }

    private IRenderedComponent<MainLayout> Show(string role, NotificationsDto? feed = null)
    {
        Services.AddSingleton<IPeopleQueries>(new FakePeopleQueries(Me(role)));
        AddShellServices(feed ?? NotificationsDto.None);
        return Render<MainLayout>(p => p.Add(l => l.Body, builder => builder.AddContent(0, "The page")));
    }

    private void AddShellServices(NotificationsDto feed)
    {
        AddAuthorization().SetAuthorized("Pat Person");
        Services.AddSingleton<ISearchQueries>(new FakeSearchQueries());
        Services.AddSingleton<INotificationFeed>(new FakeNotificationFeed(feed));
    }

    private static MeDto Me(string role) => new(Guid.NewGuid(), "Pat Person", role, "Northwind Creative");

    private sealed class Failing : ComponentBase
    {
        protected override Task OnInitializedAsync() =>
            throw new Npgsql.NpgsqlException("Failed to connect to 127.0.0.1:55432", new System.Net.Sockets.SocketException(111));
    }
}
