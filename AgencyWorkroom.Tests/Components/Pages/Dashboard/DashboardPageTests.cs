using AgencyWorkroom.Data.Features.Dashboard;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Data.Features.Status;
using AgencyWorkroom.Data.Schema;
using AgencyWorkroom.Data.Views;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Pages.Dashboard;
using AgencyWorkroom.Web.Components.Shared;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace AgencyWorkroom.Tests.Components.Pages.Dashboard;

public sealed class DashboardPageTests : ComponentTestContext
{
    private static readonly SchemaStatus Current = new(true, 10, "agency_notifications", 10, null);

    private readonly FakePeopleQueries _people = new(new MeDto(Guid.NewGuid(), "Fran Finance", "finance", "Northwind Creative"));

    private readonly BunitPersistentComponentState _persisted;

    public DashboardPageTests() => _persisted = AddBunitPersistentComponentState();

    [Fact]
    public void Render_FiguresReadToPrerender_AreShownWithoutReadingThemAgain()
    {
        var dashboard = new FakeDashboardQueries(Dashboard(Money(1m)));
        Register(new FakeDatabaseStatus(Current), dashboard);
        _persisted.Persist("dashboard", Dashboard(Money(12_500m)));

        var page = Render<DashboardPage>();

        Assert.Equal(0, dashboard.Calls);
        Assert.Equal("12,500", page.Find("[data-testid=kpi-revenue-value]").TextContent.Trim());
    }

    [Fact]
    public void Prerender_PersistsTheFiguresItRead_ForTheCircuit()
    {
        var dashboard = new FakeDashboardQueries(Dashboard(Money(12_500m)));
        Show(new FakeDatabaseStatus(Current), dashboard);

        _persisted.TriggerOnPersisting();

        Assert.Equal(1, dashboard.Calls);
        Assert.True(_persisted.TryTake<DashboardDto>("dashboard", out var persisted));
        Assert.Equal(12_500m, persisted!.Kpis.RevenueThisMonth);
        Assert.Equal("Northwind Creative", persisted.Kpis.TenantName);
    }

    [Fact]
    public void Render_SchemaCurrent_GreetsThePersonWithTenantAndRole()
    {
        var page = Show(new FakeDatabaseStatus(Current), Dashboard(Money(12_500m)));

        var greeting = page.Find("[data-testid=greeting]").TextContent;
        Assert.Contains("Welcome, Fran Finance", greeting);
        Assert.Contains("Northwind Creative", greeting);
        Assert.Contains("Finance", greeting);
        Assert.Equal("Database connected", page.Find("[data-testid=status-chip]").TextContent.Trim());
    }

    [Fact]
    public void Render_DatabaseUnreachable_ShowsTheStatusAndReadsNothing()
    {
        var dashboard = new FakeDashboardQueries(Dashboard(Money(1m)));

        var page = Show(new FakeDatabaseStatus(new SchemaStatus(false, null, null, 10, new Npgsql.NpgsqlException("Failed to connect to 10.1.2.3:5432"))), dashboard);

        Assert.NotNull(page.Find("[data-testid=dashboard-unavailable]"));
        Assert.Equal(DatabaseStatusLine.Unreachable, page.Find("[data-testid=status-error]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=greeting]"));
        Assert.Equal(0, _people.Calls);
        Assert.Equal(0, dashboard.Calls);
    }

    [Fact]
    public void Render_StatusPending_ShowsCheckingUntilAnswered()
    {
        var status = new FakeDatabaseStatus();

        var page = Show(status, Dashboard(Money(1m)));
        Assert.NotNull(page.Find("[data-testid=status-loading]"));
        Assert.Empty(page.FindAll("[data-testid=kpi-active-campaigns]"));

        status.Answer(Current);

        page.WaitForAssertion(() => Assert.Equal("3", page.Find("[data-testid=kpi-active-campaigns-value]").TextContent.Trim()));
    }

    [Fact]
    public void Render_MoneyFromTheView_ShowsRevenueCostAndMargin()
    {
        var page = Show(new FakeDatabaseStatus(Current), Dashboard(Money(12_500m)));

        Assert.Equal("12,500", page.Find("[data-testid=kpi-revenue-value]").TextContent.Trim());
        Assert.Equal("7,000", page.Find("[data-testid=kpi-cost-value]").TextContent.Trim());
        Assert.Equal("5,500", page.Find("[data-testid=kpi-margin-value]").TextContent.Trim());
        Assert.Equal("62.5 %", page.Find("[data-testid=kpi-utilization-value]").TextContent.Trim());
    }

    [Fact]
    public void Render_ViewReturnedNullMoney_ShowsDashes()
    {
        var page = Show(new FakeDatabaseStatus(Current), Dashboard(Money(null)));

        foreach (var tile in new[] { "kpi-revenue", "kpi-cost", "kpi-margin" })
        {
            Assert.Equal("—", page.Find($"[data-testid={tile}-value]").TextContent.Trim());
        }

        Assert.Equal("40 h", page.Find("[data-testid=kpi-hours-this-week-value]").TextContent.Trim());
    }

    [Fact]
    public void Render_HealthAndActivity_LinkToTheirPages()
    {
        var campaign = Guid.NewGuid();
        var artifact = Guid.NewGuid();
        var dto = Dashboard(Money(null)) with
        {
            Health = [new CampaignOverviewRow { CampaignId = campaign, Name = "Spring launch", Health = "at_risk", HealthReason = "Budget burning ahead of schedule" }],
            Activity = [new ActivityRow { ActivityType = "comment_added", ActorName = "Cam Creative", EntityType = "artifact", EntityId = artifact, Title = "Brief", CampaignId = campaign }],
        };

        var page = Show(new FakeDatabaseStatus(Current), dto);

        Assert.Contains("Budget burning ahead of schedule", page.Find("[data-testid=health-row]").TextContent);
        Assert.Equal($"/campaigns/{campaign}", page.Find("[data-testid=health-row] a").GetAttribute("href"));
        Assert.Equal($"/artifacts/{artifact}", page.Find("[data-testid=activity-item] a").GetAttribute("href"));
        Assert.Contains("Cam Creative commented on", page.Find("[data-testid=activity-item]").TextContent);
    }

    [Fact]
    public void Render_MyArtifactsInReview_LinkToTheArtifact()
    {
        var artifact = Guid.NewGuid();
        var dto = Dashboard(Money(null)) with
        {
            Personal = new PersonalPanelDto([], [new ArtifactLibraryRow { ArtifactId = artifact, CampaignId = Guid.NewGuid(), Title = "Launch brief", Status = "in_review" }], []),
        };

        var page = Show(new FakeDatabaseStatus(Current), dto);

        Assert.Equal($"/artifacts/{artifact}", page.Find("[data-testid=my-reviews] a").GetAttribute("href"));
        Assert.Equal("Launch brief", page.Find("[data-testid=my-reviews] a").TextContent);
    }

    private IRenderedComponent<DashboardPage> Show(IDatabaseStatus status, DashboardDto dashboard) => Show(status, new FakeDashboardQueries(dashboard));

    private IRenderedComponent<DashboardPage> Show(IDatabaseStatus status, FakeDashboardQueries dashboard)
    {
        Register(status, dashboard);
        return Render<DashboardPage>();
    }

    private void Register(IDatabaseStatus status, FakeDashboardQueries dashboard)
    {
        Services.AddSingleton(status);
        Services.AddSingleton<IPeopleQueries>(_people);
        Services.AddSingleton<IDashboardQueries>(dashboard);
    }

    private static DashboardKpisRow Money(decimal? revenue) => new()
    {
        TenantName = "Northwind Creative",
        UtilizationTarget = 0.75m,
        ActiveCampaigns = 3,
        CampaignsAtRisk = 1,
        HoursThisWeek = 40m,
        BillableHoursThisWeek = 25m,
        CapacityHoursThisWeek = 40m,
        BillableUtilizationThisWeek = 0.625m,
        RevenueThisMonth = revenue,
        CostThisMonth = revenue is null ? null : 7_000m,
        MarginThisMonth = revenue - 7_000m,
    };

    private static DashboardDto Dashboard(DashboardKpisRow kpis) => new(kpis, [], [], new PersonalPanelDto([], [], []));
}
