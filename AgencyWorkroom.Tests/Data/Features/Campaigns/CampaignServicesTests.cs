using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.Paging;
using AgencyWorkroom.Data.Features.Timesheets;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Campaigns;

/// <summary>The campaign page's queries and the campaign commands on the real database.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class CampaignServicesTests(TwoTenantWorld world)
{
    [Theory]
    [InlineData("finance")]
    [InlineData("pm")]
    [InlineData("creative")]
    public async Task GetAsync_Hours_EqualTheSumOfTheTimesheetSummary(string role)
    {
        await using var person = PersonServices.For(world, world.A, role);

        var campaign = await person.Get<ICampaignQueries>().GetAsync(world.A.Rows["agency.campaigns"]);

        Assert.NotNull(campaign);
        Assert.Equal(TwoTenantWorld.LoggedHours, campaign.Overview.TotalHours);
        Assert.Equal(campaign.Overview.TotalHours, campaign.SummaryHours);
        Assert.Equal(role == "creative", campaign.Artifacts.Any(a => a.Title == "Brief"));
    }

    [Fact]
    public async Task GetAsync_Finance_SpendIsTimeAtRatesPlusExpensesEquipmentAndApprovedQuote()
    {
        await using var finance = PersonServices.For(world, world.A, "finance");

        var campaign = (await finance.Get<ICampaignQueries>().GetAsync(world.A.Rows["agency.campaigns"]))!;

        var time = TwoTenantWorld.LoggedHours * TwoTenantWorld.BillRate;
        Assert.Equal(time, campaign.Overview.Revenue);
        Assert.Equal(TwoTenantWorld.ExpenseAmount, campaign.ExpenseTotal);
        // The seeded camera went out two days before the world was made and is still out: every
        // day or part of a day since counts, at 100 a day.
        var camera = campaign.Equipment.Single();
        var daysOut = Math.Max(1, (int)Math.Ceiling((DateTimeOffset.UtcNow - camera.CheckedOutAt).TotalDays));
        Assert.InRange(camera.DaysOut, daysOut - 1, daysOut);
        Assert.Equal(100m * camera.DaysOut, campaign.EquipmentTotal);
        Assert.Equal("draft", campaign.Quote!.Status);
        Assert.Null(campaign.QuoteCounted);
        Assert.Equal(time + campaign.ExpenseTotal + campaign.EquipmentTotal, campaign.Overview.Spend);
        Assert.Equal(campaign.Overview.Spend, campaign.Burn[^1].CumulativeSpend);
        Assert.Equal("Creative", Assert.Single(campaign.Phases).Name);
        Assert.Equal("designer", Assert.Single(campaign.Team).TeamRole);
        // Artifacts are their owner's, their team's, leadership's and admins': finance sees none.
        Assert.Empty(campaign.Artifacts);
    }

    [Theory]
    [InlineData("creative")]
    [InlineData("pm")]
    [InlineData("account")]
    public async Task GetAsync_RolesWithoutFinance_GetNullMoneyFromTheDatabase(string role)
    {
        await using var person = PersonServices.For(world, world.A, role);

        var campaign = (await person.Get<ICampaignQueries>().GetAsync(world.A.Rows["agency.campaigns"]))!;

        Assert.Null(campaign.Overview.Spend);
        Assert.Null(campaign.Overview.Margin);
        Assert.Null(campaign.ExpenseTotal);
        Assert.Null(campaign.EquipmentTotal);
        Assert.Null(campaign.Quote?.Amount);
        Assert.All(campaign.Burn, p => Assert.Null(p.CumulativeSpend));
        Assert.All(campaign.Timesheets, t => Assert.Null(t.Revenue));
        Assert.Null(BurnForecast.Project(campaign.Burn, campaign.Overview.BudgetAmount, campaign.Overview.StartDate, DateOnly.FromDateTime(DateTime.Today)));
    }

    [Fact]
    public async Task GetAsync_OtherTenantsCampaign_IsNull()
    {
        await using var pm = PersonServices.For(world, world.A, "pm");

        Assert.Null(await pm.Get<ICampaignQueries>().GetAsync(world.B.Rows["agency.campaigns"]));
    }

    [Fact]
    public async Task ListAsync_FilterByTeamMemberPhaseAndDates_FindsTheSeededCampaign()
    {
        await using var pm = PersonServices.For(world, world.A, "pm");
        var campaigns = pm.Get<ICampaignQueries>();
        var today = DateOnly.FromDateTime(DateTime.Today);

        var byMember = await campaigns.ListAsync(new CampaignFilter(TeamMemberId: world.A.People["creative"]), new PageRequest());
        var byOtherMember = await campaigns.ListAsync(new CampaignFilter(TeamMemberId: world.A.People["finance"]), new PageRequest());
        var byPhase = await campaigns.ListAsync(new CampaignFilter(Phase: "Creative", ActiveFrom: today, ActiveTo: today), new PageRequest());
        var afterItEnds = await campaigns.ListAsync(new CampaignFilter(ActiveFrom: today.AddDays(365)), new PageRequest());

        Assert.Contains(byMember.Items, c => c.CampaignId == world.A.Rows["agency.campaigns"]);
        Assert.DoesNotContain(byOtherMember.Items, c => c.CampaignId == world.A.Rows["agency.campaigns"]);
        Assert.Contains(byPhase.Items, c => c.CampaignId == world.A.Rows["agency.campaigns"]);
        Assert.DoesNotContain(afterItEnds.Items, c => c.CampaignId == world.A.Rows["agency.campaigns"]);
    }

    [Theory]
    [InlineData("_")]
    [InlineData("%")]
    [InlineData(@"\")]
    public async Task ListAsync_SearchForAWildcardCharacter_FindsOnlyNamesContainingItLiterally(string character)
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var pm = tenant.As(world, "pm");
        var commands = pm.Get<ICampaignCommands>();
        foreach (var (code, name) in new[] { ("SNAKE", "Snake_case launch"), ("JUICE", "100% juice"), ("SLASH", @"Back\slash"), ("PLAIN", "Plain launch") })
        {
            var form = Form(tenant, code, new DateTime(2026, 1, 5), new DateTime(2026, 2, 5));
            form.Name = name;
            Assert.True((await commands.CreateAsync(form)).Succeeded);
        }

        var found = await pm.Get<ICampaignQueries>().ListAsync(new CampaignFilter(Search: character), new PageRequest());

        Assert.Contains(character, Assert.Single(found.Items).Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_FromATemplate_CopiesPhasesMovedToTheNewDatesAndTheTeam()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var pm = tenant.As(world, "pm");
        var commands = pm.Get<ICampaignCommands>();
        var template = await commands.CreateAsync(Form(tenant, "TEMPLATE", new DateTime(2026, 1, 5), new DateTime(2026, 3, 27)));
        await commands.SavePhaseAsync(template.Id!.Value, new PhaseForm
        {
            PhaseType = "production", Name = "Production", StartDate = new DateTime(2026, 2, 2), EndDate = new DateTime(2026, 2, 27), BudgetAmount = 9_000,
        });

        var copy = await commands.CreateAsync(Form(tenant, "COPY", new DateTime(2026, 6, 1), new DateTime(2026, 8, 21)), template.Id);

        var detail = (await pm.Get<ICampaignQueries>().GetAsync(copy.Id!.Value))!;
        var phase = Assert.Single(detail.Phases);
        Assert.Equal(new DateOnly(2026, 6, 29), phase.StartDate);
        Assert.Equal(new DateOnly(2026, 7, 24), phase.EndDate);
        Assert.Equal(9_000m, phase.BudgetAmount);
    }

    [Fact]
    public async Task CreateAsync_CodeTaken_IsAMessageOnTheCodeField()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var account = tenant.As(world, "account");
        var commands = account.Get<ICampaignCommands>();

        Assert.True((await commands.CreateAsync(Form(tenant, "TWIN", new DateTime(2026, 1, 5), new DateTime(2026, 2, 5)))).Succeeded);
        var twin = await commands.CreateAsync(Form(tenant, "TWIN", new DateTime(2026, 1, 5), new DateTime(2026, 2, 5)));

        Assert.Equal("Another campaign already uses this code.", twin.FieldErrors[nameof(CampaignForm.Code)]);
    }

    [Fact]
    public async Task Writes_EndBeforeStartOrNegativeBudget_TheDatabaseRefusesToo()
    {
        // The form checks both first; the database's own checks hold for any other way in.
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var pm = tenant.As(world, "pm");
        var commands = pm.Get<ICampaignCommands>();

        var backwards = await commands.CreateAsync(Form(tenant, "BACKWARDS", new DateTime(2026, 3, 1), new DateTime(2026, 2, 1)));
        var negative = Form(tenant, "NEGATIVE", new DateTime(2026, 3, 1), new DateTime(2026, 4, 1));
        negative.BudgetAmount = -1;

        Assert.Equal("The end date can't be before the start date.", backwards.FieldErrors[nameof(CampaignForm.EndDate)]);
        Assert.Equal("The budget can't be negative.", (await commands.CreateAsync(negative)).FieldErrors[nameof(CampaignForm.BudgetAmount)]);
    }

    [Fact]
    public async Task BillableByDefault_SetOnTheForm_IsWhatNewTimeStartsAs_AndOldTimeKeepsItsOwn()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var today = DateTime.Today;
        var form = Form(tenant, "PITCH", today.AddDays(-60), today.AddDays(60));
        form.BillableByDefault = false;
        await using var pm = tenant.As(world, "pm");
        var id = (await pm.Get<ICampaignCommands>().CreateAsync(form)).Id!.Value;
        await using (var team = await TestSession.BeginAsync(world.Database.App, tenant.Id, "pm", tenant.People["pm"]))
        {
            await team.ExecuteAsync("insert into agency.campaign_team (campaign_id, employee_id, team_role) values (@c, @p, 'designer')",
                ("c", id), ("p", tenant.People["creative"]));
            await team.CommitAsync();
        }

        var lastWeek = Weeks.StartOf(DateOnly.FromDateTime(today)).AddDays(-7);
        await using var creative = tenant.As(world, "creative");
        var first = (await creative.Get<ITimesheetCommands>().SaveCellsAsync([new CellChange(id, null, lastWeek, 2, null, null, null)])).Single();
        var read = (await pm.Get<ICampaignQueries>().GetFormAsync(id))!;
        read.BillableByDefault = true;
        Assert.True((await pm.Get<ICampaignCommands>().UpdateAsync(id, read)).Succeeded);
        var second = (await creative.Get<ITimesheetCommands>().SaveCellsAsync([new CellChange(id, null, lastWeek.AddDays(1), 3, null, null, null)])).Single();
        var week = (await creative.Get<ITimesheetQueries>().GetWeekAsync(lastWeek))!;

        Assert.True(first.Succeeded, first.Error);
        Assert.True(second.Succeeded, second.Error);
        Assert.True((await pm.Get<ICampaignQueries>().GetFormAsync(id))!.BillableByDefault);
        Assert.Equal([false, true], week.Rows.SelectMany(r => r.Cells).Where(c => c.EntryId is not null).OrderBy(c => c.Date).Select(c => c.Billable));
    }

    [Theory]
    [InlineData("creative")]
    [InlineData("finance")]
    public async Task Writes_ByRolesWithoutCampaignRights_AreRefusedWithAMessage(string role)
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var person = tenant.As(world, role);

        var result = await person.Get<ICampaignCommands>().CreateAsync(Form(tenant, "NOPE", new DateTime(2026, 1, 5), new DateTime(2026, 2, 5)));

        Assert.Equal(CampaignCommands.RefusedMessage, result.Error);
    }

    private static CampaignForm Form(ScratchTenant tenant, string code, DateTime start, DateTime end) => new()
    {
        ClientId = tenant.ClientId, BrandId = tenant.BrandId, Code = code, Name = code + " campaign", BudgetAmount = 20_000,
        StartDate = start, EndDate = end,
    };
}
