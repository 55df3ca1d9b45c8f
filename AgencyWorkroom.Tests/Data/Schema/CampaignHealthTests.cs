using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Schema;

/// <summary>The health and budget-use summaries of 017: kept by their triggers, read as decision 006 says.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class CampaignHealthTests(TwoTenantWorld world)
{
    [Fact]
    public async Task Health_FollowsSpend_AndEveryRoleReadsIt()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = Guid.NewGuid();
        await using (var pm = await TestSession.BeginAsync(world.Database.App, tenant.Id, "pm", tenant.People["pm"]))
        {
            await pm.ExecuteAsync(
                """
                insert into agency.campaigns (id, client_id, code, name, status, budget_amount, start_date, end_date)
                values (@id, @client, 'HEALTH', 'Health', 'active', 1000, current_date - 10, current_date + 10)
                """,
                ("id", campaign), ("client", tenant.ClientId));
            await pm.CommitAsync();
        }

        var before = await HealthAsync(tenant, campaign, "creative");
        var expense = Guid.NewGuid();
        await using (var finance = await TestSession.BeginAsync(world.Database.App, tenant.Id, "finance", tenant.People["finance"]))
        {
            await finance.ExecuteAsync(
                """
                insert into te.expense_lines (id, employee_id, expense_date, category, amount, agency_campaign_id)
                values (@id, @person, current_date, 'production', 1500, @campaign)
                """,
                ("id", expense), ("person", tenant.People["finance"]), ("campaign", campaign));
            await finance.CommitAsync();
        }

        var over = await HealthAsync(tenant, campaign, "creative");
        var overForAccount = await HealthAsync(tenant, campaign, "account");
        await using (var finance = await TestSession.BeginAsync(world.Database.App, tenant.Id, "finance", tenant.People["finance"]))
        {
            await finance.ExecuteAsync("update te.expense_lines set status = 'rejected' where id = @id", ("id", expense));
            await finance.CommitAsync();
        }

        var after = await HealthAsync(tenant, campaign, "creative");

        Assert.Equal(("on_track", null, null), before);
        Assert.Equal(("off_track", "Over budget", null), over);
        Assert.Equal(("off_track", "Over budget", 1.5m), overForAccount);
        Assert.Equal(("on_track", null, null), after);
    }

    [Fact]
    public async Task BudgetUse_TwoWritersAtOnce_CountsBoth()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await CampaignAsync(tenant, budget: 1000);
        const string expense = """
            insert into te.expense_lines (employee_id, expense_date, category, amount, agency_campaign_id)
            values (@person, current_date, 'production', @amount, @campaign)
            """;
        await using var first = await TestSession.BeginAsync(world.Database.App, tenant.Id, "finance", tenant.People["finance"]);
        await using var second = await TestSession.BeginAsync(world.Database.App, tenant.Id, "finance", tenant.People["finance"]);

        await first.ExecuteAsync(expense, ("person", tenant.People["finance"]), ("amount", 100m), ("campaign", campaign));
        // The second writer's judging waits for the first: it must then count the first's expense too.
        var secondWrite = second.ExecuteAsync(expense, ("person", tenant.People["finance"]), ("amount", 200m), ("campaign", campaign));
        await Task.Delay(300);
        await first.CommitAsync();
        await secondWrite;
        await second.CommitAsync();

        Assert.Equal(0.3m, (await HealthAsync(tenant, campaign, "account")).BudgetSpent);
    }

    [Fact]
    public async Task Health_ExpenseMovedToAnotherCampaign_JudgesBoth()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var from = await CampaignAsync(tenant, budget: 1000);
        var to = await CampaignAsync(tenant, budget: 1000);
        await using (var finance = await TestSession.BeginAsync(world.Database.App, tenant.Id, "finance", tenant.People["finance"]))
        {
            var line = await finance.ScalarAsync<Guid>(
                """
                insert into te.expense_lines (employee_id, expense_date, category, amount, agency_campaign_id)
                values (@person, current_date, 'production', 1500, @campaign) returning id
                """,
                ("person", tenant.People["finance"]), ("campaign", from));
            await finance.ExecuteAsync("update te.expense_lines set agency_campaign_id = @to where id = @id", ("to", to), ("id", line));
            await finance.CommitAsync();
        }

        Assert.Equal(("on_track", null, 0m), await HealthAsync(tenant, from, "pm"));
        Assert.Equal(("off_track", "Over budget", 1.5m), await HealthAsync(tenant, to, "pm"));
    }

    [Theory]
    [InlineData("finance")]
    [InlineData("admin")]
    [InlineData("system")]
    public async Task Summaries_AreWrittenByTheirTriggersOnly(string role)
    {
        await using var s = await world.AppSessionAsync(world.A, role);
        var campaign = ("c", (object?)world.A.Rows["agency.campaigns"]);

        var insert = await s.FailureAsync("insert into agency.campaign_health (tenant_id, campaign_id, health) values (@t, @c, 'off_track')",
            ("t", world.A.Id), campaign);
        Assert.Equal("42501", insert.SqlState);
        await using var again = await world.AppSessionAsync(world.A, role);
        var update = await again.FailureAsync("update agency.campaign_budget_use set budget_spent_pct = 0 where campaign_id = @c", campaign);
        Assert.Equal("42501", update.SqlState);
        await using var refresh = await world.AppSessionAsync(world.A, role);
        Assert.Equal("42501", (await refresh.FailureAsync("select agency.refresh_campaign_health(null)")).SqlState);
    }

    [Fact]
    public async Task Summaries_OfAnotherTenant_AreNotRead()
    {
        await using var s = await world.AppSessionAsync(world.A, "finance");

        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.campaign_health where tenant_id = @b", ("b", world.B.Id)));
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.campaign_budget_use where tenant_id = @b", ("b", world.B.Id)));
        Assert.Equal(1L, await s.ScalarAsync<long>("select count(*) from agency.campaign_health where campaign_id = @a",
            ("a", world.A.Rows["agency.campaigns"])));
    }

    private async Task<Guid> CampaignAsync(ScratchTenant tenant, decimal budget)
    {
        var campaign = Guid.NewGuid();
        await using var pm = await TestSession.BeginAsync(world.Database.App, tenant.Id, "pm", tenant.People["pm"]);
        await pm.ExecuteAsync(
            """
            insert into agency.campaigns (id, client_id, code, name, status, budget_amount, start_date, end_date)
            values (@id, @client, @code, 'Judged', 'active', @budget, current_date - 10, current_date + 10)
            """,
            ("id", campaign), ("client", tenant.ClientId), ("code", $"J-{campaign:N}"[..12].ToUpperInvariant()), ("budget", budget));
        await pm.CommitAsync();
        return campaign;
    }

    private async Task<(string Health, string? Reason, decimal? BudgetSpent)> HealthAsync(ScratchTenant tenant, Guid campaign, string role)
    {
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, role, tenant.People[role]);
        var row = (await s.QueryAsync("select health, health_reason, budget_spent_pct from agency.v_campaign_overview where campaign_id = @c",
            ("c", campaign))).Single();
        return ((string)row["health"]!, (string?)row["health_reason"], (decimal?)row["budget_spent_pct"]);
    }
}
