using AgencyWorkroom.Data.Features.Rates;
using AgencyWorkroom.Data.Features.Settings;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Rates;

/// <summary>
/// The Rates and Settings services as each role calls them, on tenants of the tests' own (the
/// services commit). Non-finance roles get nothing, and the same holds in raw SQL.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class RateServicesTests(TwoTenantWorld world)
{
    [Fact]
    public async Task AddPeriod_FromTomorrow_EndsTheCurrentOne_AndASecondSendAddsItOnce()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var finance = tenant.As(world, "finance");
        var commands = finance.Get<IRateCommands>();
        var tomorrow = DateOnly.FromDateTime(DateTime.Today).AddDays(1);
        var form = new RatePeriodForm { Table = RateTable.EmployeeRates, EmployeeId = tenant.People["creative"], BillRate = 170, CostRate = 65, EffectiveFrom = tomorrow.ToDateTime(TimeOnly.MinValue) };

        var first = await commands.AddPeriodAsync(form);
        var again = await commands.AddPeriodAsync(form);

        Assert.True(first.Succeeded, first.Error);
        Assert.Equal(first.Id, again.Id);
        var overview = await finance.Get<IRateQueries>().LoadAsync();
        Assert.Equal("USD", overview.Currency);
        var periods = overview.People.Where(p => p.SubjectId == tenant.People["creative"]).OrderBy(p => p.EffectiveFrom).ToList();
        Assert.Equal([(new DateOnly(2020, 1, 1), (DateOnly?)tomorrow, 150m), (tomorrow, null, 170m)],
            periods.Select(p => (p.EffectiveFrom, p.EffectiveTo, p.BillRate!.Value)));
        Assert.All(periods, p => Assert.Equal("USD", p.Currency));
        var history = await finance.Get<IRateQueries>().HistoryAsync();
        Assert.Contains(history, h => h.Entity == "employee_rate" && h.Action == "insert" && h.EntityId == first.Id && h.ActorName == "finance person");
    }

    [Fact]
    public async Task AddPeriod_BackdatedByLeadership_OrInAnotherCurrency_IsAFieldMessage()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var leadership = tenant.As(world, "leadership");
        var commands = leadership.Get<IRateCommands>();

        var backdated = await commands.AddPeriodAsync(new RatePeriodForm
        {
            Table = RateTable.ClientOverrides, ClientId = tenant.ClientId, BillRate = 120, EffectiveFrom = new DateTime(2025, 1, 1),
        });
        var euros = await commands.AddPeriodAsync(new RatePeriodForm
        {
            Table = RateTable.ClientOverrides, ClientId = tenant.ClientId, BillRate = 120, Currency = "EUR",
            EffectiveFrom = DateTime.Today.AddDays(3),
        });
        var noRate = await commands.AddPeriodAsync(new RatePeriodForm
        {
            Table = RateTable.ClientOverrides, ClientId = tenant.ClientId, EffectiveFrom = DateTime.Today,
        });

        Assert.Contains("only finance", backdated.FieldErrors[nameof(RatePeriodForm.EffectiveFrom)], StringComparison.Ordinal);
        Assert.Contains("one currency", euros.FieldErrors[nameof(RatePeriodForm.Currency)], StringComparison.Ordinal);
        Assert.True(noRate.FieldErrors.ContainsKey(nameof(RatePeriodForm.BillRate)));
        Assert.Empty((await leadership.Get<IRateQueries>().LoadAsync()).Overrides);
    }

    [Fact]
    public async Task Correction_PreviewThenReasonThenSave_IsInTheHistory()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var finance = tenant.As(world, "finance");
        var commands = finance.Get<IRateCommands>();
        var period = (await finance.Get<IRateQueries>().LoadAsync()).People.Single(p => p.SubjectId == tenant.People["pm"]);
        var form = RateCorrectionForm.For(period);
        form.BillRate = 160;

        var preview = await commands.PreviewCorrectionAsync(form);
        var withoutReason = await commands.CorrectAsync(form);
        form.Reason = "Rate agreed in 2020, entered wrong";
        var saved = await commands.CorrectAsync(form);

        Assert.Equal(new CorrectionPreviewDto(0, 0, 0, "USD"), preview.Preview);
        Assert.Contains("say why", withoutReason.FieldErrors[nameof(RateCorrectionForm.Reason)], StringComparison.Ordinal);
        Assert.True(saved.Succeeded, saved.Error);
        var lookup = await finance.Get<IRateQueries>().LookupAsync(tenant.People["pm"], Guid.NewGuid(), new DateOnly(2024, 5, 1));
        Assert.Equal((160m, "person", 60m, "person", "USD"), (lookup.BillRate, lookup.BillSource, lookup.CostRate, lookup.CostSource, lookup.Currency));
        Assert.Equal(0.625m, lookup.Margin!.MarginPct);
        var last = (await finance.Get<IRateQueries>().HistoryAsync()).First();
        Assert.Equal(("employee_rate", "correct", "Rate agreed in 2020, entered wrong", period.Id),
            (last.Entity, last.Action, last.Reason, last.EntityId));
        Assert.Contains("160", last.NewValues, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("creative")]
    [InlineData("pm")]
    [InlineData("account")]
    public async Task OtherRoles_GetNothing_ThroughTheServices_NorInSql(string role)
    {
        await using var person = PersonServices.For(world, world.A, role);
        var queries = person.Get<IRateQueries>();

        var overview = await queries.LoadAsync();
        var lookup = await queries.LookupAsync(world.A.People["creative"], world.A.Rows["agency.campaigns"], DateOnly.FromDateTime(DateTime.Today));
        var history = await queries.HistoryAsync();
        var add = await person.Get<IRateCommands>().AddPeriodAsync(new RatePeriodForm
        {
            Table = RateTable.CampaignOverrides, CampaignId = world.A.Rows["agency.campaigns"], BillRate = 999,
            EffectiveFrom = DateTime.Today.AddDays(2),
        });
        var preview = await person.Get<IRateCommands>().PreviewCorrectionAsync(new RateCorrectionForm
        {
            Table = RateTable.EmployeeRates, PeriodId = world.A.Rows["agency.employee_rates"], BillRate = 1, EffectiveFrom = new DateTime(2020, 1, 1),
        });

        Assert.Empty(overview.All);
        Assert.Equal("USD", overview.Currency);
        Assert.Null(lookup.BillRate);
        Assert.Null(lookup.CostRate);
        Assert.Empty(history);
        Assert.Equal(RateCommands.RefusedMessage, add.Error);
        Assert.Null(preview.Preview);
        Assert.False(preview.Refusal!.Succeeded);

        await using var s = await world.AppSessionAsync(world.A, role);
        foreach (var table in new[] { "agency.rate_cards", "agency.employee_rates", "agency.client_rate_overrides", "agency.campaign_rate_overrides" })
        {
            Assert.Equal(0L, await s.ScalarAsync<long>($"select count(*) from {table}"));
        }

        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.audit_log where entity = any(@e)", ("e", RateQueries.RateEntities)));
        Assert.Null(await s.ScalarAsync<decimal?>("select bill_rate from agency.rate_for(@t, @p, @c, current_date)",
            ("t", world.A.Id), ("p", world.A.People["creative"]), ("c", world.A.Rows["agency.campaigns"])));
    }

    [Fact]
    public async Task Settings_AdminSavesAndTheChangeIsAudited_CreativeIsRefused()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var admin = tenant.As(world, "admin");
        var form = await admin.Get<ISettingsQueries>().LoadAsync();
        form.TimesheetFinanceSignoff = true;
        form.TimeEntryDaysAhead = 3;
        form.UtilizationTarget = 0.8m;

        var saved = await admin.Get<ISettingsCommands>().SaveAsync(form);
        // The same form, still at the version it was read at, with another change: someone saved since.
        form.TimeEntryDaysAhead = 5;
        var stale = await admin.Get<ISettingsCommands>().SaveAsync(form);
        await using var creative = tenant.As(world, "creative");
        var fresh = await creative.Get<ISettingsQueries>().LoadAsync();
        fresh.TimeEntryDaysAhead = 30;
        var refused = await creative.Get<ISettingsCommands>().SaveAsync(fresh);

        Assert.True(saved.Succeeded, saved.Error);
        Assert.True(stale.IsConflict);
        Assert.Equal(SettingsService.RefusedMessage, refused.Error);
        var now = await admin.Get<ISettingsQueries>().LoadAsync();
        Assert.Equal((true, 3, 0.8m, "USD"), (now.TimesheetFinanceSignoff, now.TimeEntryDaysAhead, now.UtilizationTarget, now.DefaultCurrency));
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "admin", tenant.People["admin"]);
        Assert.Equal(1L, await s.ScalarAsync<long>("select count(*) from agency.audit_log where entity = 'tenant_settings'"));
    }

    [Fact]
    public async Task Currency_StaysWhileTheAgencyHasRates_WithTheReasonNextToTheField()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var admin = tenant.As(world, "admin");
        var form = await admin.Get<ISettingsQueries>().LoadAsync();
        form.DefaultCurrency = "EUR";

        var refused = await admin.Get<ISettingsCommands>().SaveAsync(form);

        Assert.Contains("never converted", refused.FieldErrors[nameof(SettingsForm.DefaultCurrency)], StringComparison.Ordinal);
        Assert.Equal("USD", (await admin.Get<ISettingsQueries>().LoadAsync()).DefaultCurrency);

        // Without rates (a new agency setting up) the currency changes, and new rates follow it.
        await using (var owner = await TestSession.BeginAsync(world.Database.Owner, tenant.Id, "finance", tenant.People["finance"]))
        {
            await owner.ExecuteAsync("select set_config('app.audit_reason', 'Setting up again', true)");
            foreach (var table in new[] { "campaign_rate_overrides", "client_rate_overrides", "employee_rates", "rate_cards" })
            {
                await owner.ExecuteAsync($"delete from agency.{table} where tenant_id = @t", ("t", tenant.Id));
            }

            await owner.CommitAsync();
        }

        var fresh = await admin.Get<ISettingsQueries>().LoadAsync();
        fresh.DefaultCurrency = "EUR";
        var changed = await admin.Get<ISettingsCommands>().SaveAsync(fresh);
        Assert.True(changed.Succeeded, changed.Error);
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "finance", tenant.People["finance"]);
        Assert.Equal("EUR", await s.ScalarAsync<string>(
            "insert into agency.rate_cards (role_name, bill_rate, cost_rate, effective_from) values ('Writer', 100, 40, current_date) returning currency"));
    }
}
