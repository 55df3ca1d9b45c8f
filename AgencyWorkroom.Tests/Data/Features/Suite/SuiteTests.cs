using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Features.Notifications;
using AgencyWorkroom.Data.Features.Suite;
using AgencyWorkroom.Data.Views;
using AgencyWorkroom.Tests.Infrastructure;
using Npgsql;

namespace AgencyWorkroom.Tests.Data.Features.Suite;

/// <summary>The launcher's counts, the links of a campaign to the neighbours, the PPM reconciliation and overdue equipment (041), on the real database.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class SuiteTests(TwoTenantWorld world)
{
    [Fact]
    public async Task GetLauncherAsync_CountsWhatEachRoleMaySee_InItsOwnTenantOnly()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var other = await ScratchTenant.CreateAsync(world);
        await NeighboursAsync(tenant);
        await NeighboursAsync(other);
        await NeighboursAsync(other);

        await using var finance = tenant.As(world, "finance");
        await using var pm = tenant.As(world, "pm");
        await using var creative = tenant.As(world, "creative");
        var f = (await finance.Get<ISuiteQueries>().GetLauncherAsync()).Counts;
        var p = (await pm.Get<ISuiteQueries>().GetLauncherAsync()).Counts;
        var c = await creative.Get<ISuiteQueries>().GetLauncherAsync();

        // Finance: both open quotes, both submitted claims, every checkout, the one linked PPM project.
        Assert.Equal((2L, 2L, 2L, 1L, 1L), (f.OpenQuotes, f.ExpensesAwaitingApproval, f.GearOut, f.GearOverdue, f.PpmProjectsLinked));
        // A pm reads quotes and gear, and only their own claims; PPM projects are finance's.
        Assert.Equal((2L, 1L, 2L, 1L, 0L), (p.OpenQuotes, p.ExpensesAwaitingApproval, p.GearOut, p.GearOverdue, p.PpmProjectsLinked));
        // A creative: no quotes, their own claim, the gear everyone sees.
        Assert.Equal((0L, 1L, 2L, 1L, 0L), (c.Counts.OpenQuotes, c.Counts.ExpensesAwaitingApproval, c.Counts.GearOut, c.Counts.GearOverdue, c.Counts.PpmProjectsLinked));
        // The Workroom card is first, with the dashboard's figures: no money for a creative.
        Assert.Equal("Workroom", c.Cards[0].App);
        Assert.Equal("/", c.Cards[0].Url);
        Assert.Null(c.Kpis.MarginThisMonth);
        Assert.DoesNotContain(c.Cards[0].Figures, x => x.Label == "Margin this month");
    }

    [Fact]
    public void Build_NeighbourWithoutUrl_IsNotConnected()
    {
        var options = new SuiteOptions(new Dictionary<string, string> { [SuiteOptions.Procure] = "https://procure.example.test" });

        var launcher = SuiteQueries.Build(new DashboardKpisRow(), new SuiteCountsRow { OpenQuotes = 3, GearOut = 2 }, options);

        Assert.Equal(["Workroom", "Procure", "FinancePpm", "TandE", "Gearroom"], launcher.Cards.Select(card => card.App));
        Assert.Equal("https://procure.example.test", launcher.Cards[1].Url);
        Assert.True(launcher.Cards[1].Connected);
        Assert.All(launcher.Cards.Skip(2), card => Assert.False(card.Connected));
        // Not connected still shows its figures.
        Assert.Contains(new SuiteFigure("Gear out", "2"), launcher.Cards[4].Figures);
        Assert.Contains(new SuiteFigure("Open quotes", "3"), launcher.Cards[1].Figures);
    }

    [Fact]
    public async Task SetLinkAsync_QuoteOfAnotherTenant_IsRefusedByTheDatabase()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var other = await ScratchTenant.CreateAsync(world);
        var campaign = await CampaignAsync(tenant, 1000m);
        var theirs = await NeighboursAsync(other);
        await using var finance = tenant.As(world, "finance");

        var result = await finance.Get<ISuiteCommands>().SetLinkAsync(campaign, LinkKinds.Quote, theirs.OpenQuote, true);
        var theirExpense = await finance.Get<ISuiteCommands>().SetLinkAsync(campaign, LinkKinds.Expense, theirs.CreativeExpense, true);

        Assert.False(result.Succeeded);
        Assert.False(theirExpense.Succeeded);
        // And past the function: a pm may update campaigns (007), but the tenant-carrying key refuses the quote.
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "pm", tenant.People["pm"]);
        var refused = await s.FailureAsync("update agency.campaigns set procure_quote_id = @q where id = @c", ("q", theirs.OpenQuote), ("c", campaign));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, refused.SqlState);
        // Another tenant's campaign is no campaign here.
        await using var s2 = await TestSession.BeginAsync(world.Database.App, other.Id, "finance", other.People["finance"]);
        var notHere = await s2.FailureAsync("select agency.campaign_neighbour_lines(@c)", ("c", campaign));
        Assert.Equal(PostgresErrorCodes.NoDataFound, notHere.SqlState);
    }

    [Fact]
    public async Task SetLinkAsync_OnlyFinanceLeadershipAdminAndTheCampaignsProjectManager()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await CampaignAsync(tenant, 1000m, projectManager: false);
        var records = await NeighboursAsync(tenant);
        await using var pm = tenant.As(world, "pm");
        await using var creative = tenant.As(world, "creative");
        await using var admin = tenant.As(world, "admin");

        var byCreative = await creative.Get<ISuiteCommands>().SetLinkAsync(campaign, LinkKinds.Checkout, records.OverdueCheckout, true);
        var byPmOffTeam = await pm.Get<ISuiteCommands>().SetLinkAsync(campaign, LinkKinds.Checkout, records.OverdueCheckout, true);
        await using (var s = await TestSession.BeginAsync(world.Database.Owner, tenant.Id, "pm", tenant.People["pm"]))
        {
            await s.ExecuteAsync("insert into agency.campaign_team (campaign_id, employee_id, team_role) values (@c, @p, 'project_manager')",
                ("c", campaign), ("p", tenant.People["pm"]));
            await s.CommitAsync();
        }

        var byProjectManager = await pm.Get<ISuiteCommands>().SetLinkAsync(campaign, LinkKinds.Expense, records.CreativeExpense, true);
        var byAdmin = await admin.Get<ISuiteCommands>().SetLinkAsync(campaign, LinkKinds.PpmProject, records.FreePpmProject, true);
        var pmCandidates = await pm.Get<ISuiteQueries>().SearchCandidatesAsync(campaign, LinkKinds.Expense, "creative");
        var pmLines = await pm.Get<ISuiteQueries>().GetCampaignLinksAsync(campaign);
        var creativeLines = await creative.Get<ISuiteQueries>().GetCampaignLinksAsync(campaign);

        Assert.False(byCreative.Succeeded);
        Assert.False(byPmOffTeam.Succeeded);
        Assert.True(byProjectManager.Succeeded, byProjectManager.Error);
        Assert.True(byAdmin.Succeeded, byAdmin.Error);
        // The project manager finds another person's claim, without its amount.
        var found = Assert.Single(pmCandidates);
        Assert.True(found.Linked);
        Assert.Null(found.Amount);
        Assert.True(pmLines.MayLink);
        Assert.Equal(["expense", "ppm_project"], pmLines.Lines.Select(l => l.Kind).Order());
        Assert.All(pmLines.Lines, l => Assert.Null(l.Amount));
        Assert.False(creativeLines.SeesLines);
    }

    [Fact]
    public async Task SetLinkAsync_Unlink_RecomputesTheCampaignsSpend()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await CampaignAsync(tenant, 1000m);
        var records = await NeighboursAsync(tenant);
        await using var finance = tenant.As(world, "finance");
        var commands = finance.Get<ISuiteCommands>();

        Assert.True((await commands.SetLinkAsync(campaign, LinkKinds.Expense, records.CreativeExpense, true)).Succeeded);
        Assert.True((await commands.SetLinkAsync(campaign, LinkKinds.Quote, records.ApprovedQuote, true)).Succeeded);
        var linked = await OverviewAsync(finance, campaign);
        Assert.True((await commands.SetLinkAsync(campaign, LinkKinds.Expense, records.CreativeExpense, false)).Succeeded);
        var unlinked = await OverviewAsync(finance, campaign);
        Assert.True((await commands.SetLinkAsync(campaign, LinkKinds.Quote, records.ApprovedQuote, false)).Succeeded);
        var none = await OverviewAsync(finance, campaign);

        // 120.50 of expense and the approved quote of 500.00 against a budget of 1,000.
        Assert.Equal(620.50m, linked.Spend);
        Assert.Equal(0.6205m, linked.BudgetSpentPct);
        Assert.Equal(500.00m, unlinked.Spend);
        Assert.Equal(0.5m, unlinked.BudgetSpentPct);
        Assert.Equal(0m, none.Spend);
    }

    [Fact]
    public async Task GetReconciliationAsync_PpmBudgetBesideBudgetAndSpend_ToTheCent()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await CampaignAsync(tenant, 10000m);
        var agreeing = await CampaignAsync(tenant, 12345.67m);
        var records = await NeighboursAsync(tenant);
        await using var finance = tenant.As(world, "finance");
        var commands = finance.Get<ISuiteCommands>();
        await commands.SetLinkAsync(campaign, LinkKinds.PpmProject, records.FreePpmProject, true);
        await commands.SetLinkAsync(campaign, LinkKinds.Quote, records.ApprovedQuote, true);
        await commands.SetLinkAsync(campaign, LinkKinds.Expense, records.CreativeExpense, true);
        await commands.SetLinkAsync(campaign, LinkKinds.Checkout, records.ReturnedCheckout, true);
        await commands.SetLinkAsync(agreeing, LinkKinds.PpmProject, records.SecondPpmProject, true);

        var rows = await finance.Get<ISuiteQueries>().GetReconciliationAsync();
        var overview = await OverviewAsync(finance, campaign);
        await using var pm = tenant.As(world, "pm");

        var row = rows[0];
        Assert.Equal(campaign, row.CampaignId);
        // 500.00 quote + 120.50 expense + 2 days at 40.25 = 701.00 spent; PPM 12,345.67 against a budget of 10,000.00.
        Assert.Equal(12345.67m, row.PpmBudget);
        Assert.Equal(10000.00m, row.CampaignBudget);
        Assert.Equal(701.00m, row.Spend);
        Assert.Equal(overview.Spend, row.Spend);
        Assert.Equal(2345.67m, row.BudgetDifference);
        Assert.Equal(11644.67m, row.SpendVsPpm);
        Assert.True(row.BudgetsDisagree);
        Assert.False(rows.Single(r => r.CampaignId == agreeing).BudgetsDisagree);
        Assert.Empty(await pm.Get<ISuiteQueries>().GetReconciliationAsync());
    }

    [Fact]
    public async Task BudgetWatch_OverdueEquipment_TellsTheHolderAndTheProjectManagerOnce()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await CampaignAsync(tenant, 1000m);
        var records = await NeighboursAsync(tenant);
        await using var finance = tenant.As(world, "finance");
        await finance.Get<ISuiteCommands>().SetLinkAsync(campaign, LinkKinds.Checkout, records.OverdueCheckout, true);
        var watch = finance.Get<BudgetWatch>();

        var first = await watch.RunAsync(tenant.Id);
        var again = await watch.RunAsync(tenant.Id);

        // The creative holds the overdue camera; the pm is the campaign's project manager.
        Assert.Equal(2, first.OverdueRaised);
        Assert.Equal(0, again.OverdueRaised);
        await using var creative = tenant.As(world, "creative");
        await using var pm = tenant.As(world, "pm");
        var told = Assert.Single((await creative.Get<INotificationFeed>().GetAsync()).Alerts, a => a.Kind == "equipment_overdue");
        Assert.Contains("CAM-LATE", told.Title);
        Assert.Equal($"/campaigns/{campaign}", told.Href);
        Assert.Single((await pm.Get<INotificationFeed>().GetAsync()).Alerts, a => a.Kind == "equipment_overdue");
        Assert.DoesNotContain((await finance.Get<INotificationFeed>().GetAsync()).Alerts, a => a.Kind == "equipment_overdue");
    }

    [Fact]
    public async Task CampaignOverview_ReadsTheSpendOfEachCampaign_NotAJoinWithEveryCampaignsSpend()
    {
        // Lists filter on anything but the id: the spend view must get the campaign pushed in (041).
        await using var s = await world.AppSessionAsync(world.A, "finance");

        var plan = string.Join("\n", (await s.QueryAsync(
            "explain (verbose, costs off) select spend from agency.v_campaign_overview where code = 'NONE'")).Select(r => r.Values.Single()));

        Assert.DoesNotMatch(@"(Hash Cond|Merge Cond|Join Filter):[^\n]*\bs\.campaign_id", plan);
        Assert.Contains("gear.checkouts", plan, StringComparison.Ordinal);
    }

    private static async Task<CampaignOverviewRow> OverviewAsync(PersonServices person, Guid campaign) =>
        (await person.Get<ICampaignQueries>().GetAsync(campaign))!.Overview;

    private sealed record Neighbours(
        Guid OpenQuote, Guid ApprovedQuote, Guid FreePpmProject, Guid SecondPpmProject, Guid CreativeExpense, Guid OverdueCheckout, Guid ReturnedCheckout);

    private async Task<Guid> CampaignAsync(ScratchTenant tenant, decimal budget, bool projectManager = true)
    {
        var campaign = Guid.NewGuid();
        await using var s = await TestSession.BeginAsync(world.Database.Owner, tenant.Id, "pm", tenant.People["pm"]);
        await s.ExecuteAsync(
            """
            insert into agency.campaigns (id, client_id, code, name, status, budget_amount, start_date, end_date)
            values (@id, @client, @code, 'Suite campaign', 'active', @budget, current_date - 10, current_date + 10)
            """,
            ("id", campaign), ("client", tenant.ClientId), ("code", "S-" + campaign.ToString("N")[..8].ToUpperInvariant()), ("budget", budget));
        if (projectManager)
        {
            await s.ExecuteAsync("insert into agency.campaign_team (campaign_id, employee_id, team_role) values (@c, @p, 'project_manager')",
                ("c", campaign), ("p", tenant.People["pm"]));
        }

        await s.CommitAsync();
        return campaign;
    }

    // Two open quotes and one approved, one linked and two free PPM projects, three claims (the
    // creative's and the pm's submitted, one approved), an overdue checkout, one out, one returned.
    private async Task<Neighbours> NeighboursAsync(ScratchTenant tenant)
    {
        var ids = Enumerable.Range(0, 7).Select(_ => Guid.NewGuid()).ToArray();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var linkedElsewhere = await CampaignAsync(tenant, 1m);
        await using var s = await TestSession.BeginAsync(world.Database.Owner, tenant.Id, "finance", tenant.People["finance"]);
        await s.ExecuteAsync(
            """
            insert into procure.project_quotes (id, quote_number, vendor_name, amount, status) values
              (@open, 'Q-OPEN-' || @tag, 'Lens House', 800.00, 'submitted'),
              (gen_random_uuid(), 'Q-DRAFT-' || @tag, 'Lens House', 90.00, 'draft'),
              (@approved, 'Q-OK-' || @tag, 'Print Co', 500.00, 'approved')
            """,
            ("open", ids[0]), ("approved", ids[1]), ("tag", tag));
        await s.ExecuteAsync(
            """
            insert into finance_ppm.projects (id, project_code, name, budget_amount, agency_campaign_id) values
              (@free, 'PPM-A-' || @tag, 'Spring', 12345.67, null),
              (@second, 'PPM-B-' || @tag, 'Summer', 12345.67, null),
              (gen_random_uuid(), 'PPM-C-' || @tag, 'Linked', 10.00, @elsewhere)
            """,
            ("free", ids[2]), ("second", ids[3]), ("tag", tag), ("elsewhere", linkedElsewhere));
        await s.ExecuteAsync(
            """
            insert into te.expense_lines (id, employee_id, expense_date, category, description, amount, status) values
              (@mine, @creative, current_date - 3, 'travel', 'Train to the shoot', 120.50, 'submitted'),
              (gen_random_uuid(), @pm, current_date - 2, 'meals', 'Crew lunch', 60.00, 'submitted'),
              (gen_random_uuid(), @pm, current_date - 20, 'meals', 'Old lunch', 30.00, 'approved')
            """,
            ("mine", ids[4]), ("creative", tenant.People["creative"]), ("pm", tenant.People["pm"]));
        await s.SetContextAsync(tenant.Id, "pm", tenant.People["pm"]);
        await s.ExecuteAsync(
            """
            insert into gear.checkouts (id, equipment_name, asset_tag, checked_out_by, checked_out_at, due_back_at, returned_at, daily_rate) values
              (@late, 'Camera', 'CAM-LATE-' || @tag, @creative, now() - interval '5 days', now() - interval '1 day', null, 10),
              (gen_random_uuid(), 'Tripod', 'TRI-' || @tag, @pm, now() - interval '1 day', now() + interval '2 days', null, 5),
              (@returned, 'Light', 'LIT-' || @tag, @pm, now() - interval '3 days', now() - interval '1 day', now() - interval '1 day 12 hours', 40.25)
            """,
            ("late", ids[5]), ("returned", ids[6]), ("creative", tenant.People["creative"]), ("pm", tenant.People["pm"]), ("tag", tag));
        await s.CommitAsync();
        return new Neighbours(ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6]);
    }
}
