using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Security;

/// <summary>Who sees what within one tenant: money, private conversations, other people's time.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class RoleAccessTests(TwoTenantWorld world)
{
    public static TheoryData<string> WithoutMoney => ["pm", "admin", "account", "creative"];

    public static TheoryData<string> WithMoney => ["finance", "leadership"];

    [Theory]
    [MemberData(nameof(WithoutMoney))]
    public async Task MoneyFigures_AreNullWithoutFinanceRole(string role)
    {
        await using var s = await world.AppSessionAsync(world.A, role);

        var campaign = await CampaignRowAsync(s);
        foreach (var column in new[] { "revenue", "labor_cost", "direct_cost", "total_cost", "margin", "margin_pct", "spend" })
        {
            Assert.True(campaign[column] is null, $"v_campaign_overview.{column} is {campaign[column]} for {role}");
        }

        var client = (await s.QueryAsync("select revenue, cost, margin from agency.v_client_360 where client_id = @id",
            ("id", world.A.Rows["agency.clients"]))).Single();
        Assert.All(client.Values, Assert.Null);
        var kpis = (await s.QueryAsync("select revenue_this_month, cost_this_month, margin_this_month from agency.v_dashboard_kpis")).Single();
        Assert.All(kpis.Values, Assert.Null);
        Assert.Null(await s.ScalarAsync<decimal?>("select sum(revenue) from agency.v_timesheet_summary_by_campaign"));
        Assert.Null(await s.ScalarAsync<decimal?>("select total_amount from agency.get_campaign_expenses(@id)",
            ("id", world.A.Rows["agency.campaigns"])));
    }

    [Theory]
    [InlineData("finance", true)]
    [InlineData("leadership", true)]
    [InlineData("pm", true)]
    [InlineData("account", true)]
    [InlineData("admin", false)]
    [InlineData("creative", false)]
    public async Task BudgetSpent_IsReadByThoseWhoRunCampaigns(string role, bool readsBudgetUse)
    {
        await using var s = await world.AppSessionAsync(world.A, role);
        await using var finance = await world.AppSessionAsync(world.A, "finance");

        var campaign = await CampaignRowAsync(s);
        var financesCampaign = await CampaignRowAsync(finance);
        var client = await s.ScalarAsync<decimal?>("select budget_spent_pct from agency.v_client_360 where client_id = @id",
            ("id", world.A.Rows["agency.clients"]));

        // Decision 006: a share, never an amount; the same figure finance reads, or none.
        Assert.NotNull(financesCampaign["budget_spent_pct"]);
        Assert.Equal(readsBudgetUse ? financesCampaign["budget_spent_pct"] : null, campaign["budget_spent_pct"]);
        Assert.Equal(readsBudgetUse, client is not null);
        Assert.Equal(readsBudgetUse, await s.ScalarAsync<long>("select count(*) from agency.campaign_budget_use") > 0);
    }

    [Theory]
    [MemberData(nameof(WithMoney))]
    public async Task MoneyFigures_AreComputedForFinanceAndLeadership(string role)
    {
        await using var s = await world.AppSessionAsync(world.A, role);

        var campaign = await CampaignRowAsync(s);
        var revenue = TwoTenantWorld.LoggedHours * TwoTenantWorld.BillRate;
        var labor = TwoTenantWorld.LoggedHours * TwoTenantWorld.CostRate;
        Assert.Equal(revenue, campaign["revenue"]);
        Assert.Equal(labor, campaign["labor_cost"]);
        Assert.NotNull(campaign["margin"]);
        Assert.True((decimal)campaign["total_cost"]! >= labor + TwoTenantWorld.ExpenseAmount);

        var kpis = (await s.QueryAsync("select revenue_this_month from agency.v_dashboard_kpis")).Single();
        Assert.Equal(revenue, kpis["revenue_this_month"]);
        Assert.Equal(TwoTenantWorld.ExpenseAmount, await s.ScalarAsync<decimal>(
            "select total_amount from agency.get_campaign_expenses(@id)", ("id", world.A.Rows["agency.campaigns"])));
    }

    [Theory]
    [InlineData("pm", 0)]
    [InlineData("admin", 0)]
    [InlineData("account", 0)]
    [InlineData("creative", 0)]
    [InlineData("finance", 1)]
    [InlineData("leadership", 1)]
    public async Task RateTables_AreReadableOnlyByFinanceAndLeadership(string role, int visible)
    {
        await using var s = await world.AppSessionAsync(world.A, role);

        Assert.Equal(visible, await s.ScalarAsync<long>("select count(*) from agency.rate_cards"));
        Assert.Equal(visible * AgencyRoles.All.Count, await s.ScalarAsync<long>("select count(*) from agency.employee_rates"));
        Assert.Equal(visible, await s.ScalarAsync<long>("select count(*) from agency.client_rate_overrides"));
        Assert.Equal(visible, await s.ScalarAsync<long>("select count(*) from agency.campaign_rate_overrides"));
        // The card's rate as it is (a new rate would reprice the past, which only a correction may do).
        Assert.Equal(visible, await s.ExecuteAsync("update agency.rate_cards set bill_rate = bill_rate"));
        Assert.Equal(visible, await s.ExecuteAsync("update agency.campaign_rate_overrides set bill_rate = 1"));
    }

    [Fact]
    public async Task AiConversations_AreVisibleOnlyToTheirPerson()
    {
        var conversation = world.A.Rows["agency.ai_conversations"];
        await using (var owner = await world.AppSessionAsync(world.A, "creative"))
        {
            Assert.Equal(1L, await owner.ScalarAsync<long>("select count(*) from agency.ai_messages where conversation_id = @id", ("id", conversation)));
            Assert.Equal(1, await owner.ExecuteAsync("update agency.ai_conversations set title = 'Mine' where id = @id", ("id", conversation)));
        }

        foreach (var role in AgencyRoles.All.Where(r => r != "creative"))
        {
            await using var other = await world.AppSessionAsync(world.A, role);
            // Their own conversations with the assistant (other tests ask it as them) are theirs to see.
            Assert.Equal(0L, await other.ScalarAsync<long>("select count(*) from agency.ai_conversations where user_id <> agency.current_user_id()"));
            Assert.Equal(0L, await other.ScalarAsync<long>("select count(*) from agency.ai_messages where conversation_id = @id", ("id", conversation)));
            Assert.Equal(0, await other.ExecuteAsync("update agency.ai_conversations set title = 'Theirs' where id = @id", ("id", conversation)));
            Assert.Equal(0, await other.ExecuteAsync("delete from agency.ai_messages where conversation_id = @id", ("id", conversation)));
        }
    }

    [Theory]
    [InlineData("creative", true)]
    [InlineData("account", false)]
    [InlineData("admin", false)]
    [InlineData("pm", true)]
    [InlineData("finance", true)]
    [InlineData("leadership", true)]
    public async Task Timesheets_AreOwnUnlessPmFinanceOrLeadership(string role, bool reachesCreativesEntry)
    {
        var entry = world.A.Rows["agency.timesheet_entries"];
        await using var s = await world.AppSessionAsync(world.A, role);

        var expected = reachesCreativesEntry ? 1 : 0;
        Assert.Equal(expected, await s.ScalarAsync<long>("select count(*) from agency.timesheet_entries where id = @id", ("id", entry)));
        if (role is "creative" || !reachesCreativesEntry)
        {
            Assert.Equal(expected, await s.ExecuteAsync("update agency.timesheet_entries set hours = 7 where id = @id", ("id", entry)));
        }
        else
        {
            // They read it, but only its person changes time (021): approvers approve or reject.
            var refused = await s.FailureAsync("update agency.timesheet_entries set hours = 7 where id = @id", ("id", entry));
            Assert.Equal("timesheet_own_entries", refused.ConstraintName);
        }

        if (!reachesCreativesEntry)
        {
            // Nor can they log time in the creative's name.
            var refused = await s.FailureAsync(
                "insert into agency.timesheet_entries (employee_id, campaign_id, entry_date, hours) values (@who, @campaign, current_date, 1)",
                ("who", world.A.People["creative"]), ("campaign", world.A.Rows["agency.campaigns"]));
            Assert.Equal(Npgsql.PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
    }

    [Theory]
    [InlineData("creative", 1)] // the owner, on the campaign's team
    [InlineData("leadership", 1)]
    [InlineData("admin", 1)]
    [InlineData("pm", 0)]
    [InlineData("finance", 0)]
    [InlineData("account", 0)]
    public async Task ArtifactCommentsAndVersions_FollowTheirArtifact(string role, int visible)
    {
        // 014 lets leadership and admin skip the per-row check; every role still sees a comment
        // or a version exactly when it sees the artifact.
        await using var s = await world.AppSessionAsync(world.A, role);
        var artifact = ("a", (object?)world.A.Rows["agency.artifacts"]);

        Assert.Equal(visible, await s.ScalarAsync<long>("select count(*) from agency.artifacts where id = @a", artifact));
        Assert.Equal(visible, await s.ScalarAsync<long>("select count(*) from agency.artifact_comments where artifact_id = @a", artifact));
        Assert.Equal(visible, await s.ScalarAsync<long>("select count(*) from agency.artifact_versions where artifact_id = @a", artifact));
    }

    [Theory]
    [InlineData("leadership")]
    [InlineData("pm")]
    [InlineData("admin")]
    [InlineData("account")]
    [InlineData("creative")]
    public async Task CampaignHoursAndHealth_AreFinancesFiguresForEveryRole(string role)
    {
        // Decision 006: hours and health are what account staff browse for; entries stay private.
        await using var s = await world.AppSessionAsync(world.A, role);
        await using var finance = await world.AppSessionAsync(world.A, "finance");

        var theirs = await CampaignRowAsync(s);
        var finances = await CampaignRowAsync(finance);
        var kpis = (await s.QueryAsync("select campaigns_at_risk, hours_this_week from agency.v_dashboard_kpis")).Single();
        var financeKpis = (await finance.QueryAsync("select campaigns_at_risk, hours_this_week from agency.v_dashboard_kpis")).Single();

        Assert.Equal(TwoTenantWorld.LoggedHours, finances["total_hours"]);
        Assert.Equal(finances["total_hours"], theirs["total_hours"]);
        Assert.Equal(finances["health"], theirs["health"]);
        Assert.Equal(financeKpis, kpis);
    }

    private async Task<Dictionary<string, object?>> CampaignRowAsync(TestSession s) =>
        (await s.QueryAsync("select * from agency.v_campaign_overview where campaign_id = @id",
            ("id", world.A.Rows["agency.campaigns"]))).Single();
}
