using AgencyWorkroom.Tests.Infrastructure;
using Npgsql;

namespace AgencyWorkroom.Tests.Data.Security;

/// <summary>The system actor of background jobs (018, decision 007), tested like a role: what it may and may not do.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class SystemActorTests(TwoTenantWorld world)
{
    [Fact]
    public async Task StartSystemUnitOfWork_SetsTheTenantAndNoPerson()
    {
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.App);

        Assert.Equal("system", await s.ScalarAsync<string>("select agency.start_system_unit_of_work(@t)", ("t", world.A.Id)));
        Assert.Equal(world.A.Id, await s.ScalarAsync<Guid>("select agency.current_tenant_id()"));
        Assert.Null(await s.ScalarAsync<Guid?>("select agency.current_user_id()"));
    }

    [Fact]
    public async Task StartSystemUnitOfWork_UnknownTenant_IsRefusedAndLeavesNoRole()
    {
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.App);

        var refused = await s.FailureAsync("select agency.start_system_unit_of_work(@t)", ("t", Guid.NewGuid()));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Theory]
    [InlineData("agency.timesheet_entries")]
    [InlineData("agency.employee_rates")]
    [InlineData("agency.rate_cards")]
    [InlineData("agency.client_rate_overrides")]
    [InlineData("agency.campaign_rate_overrides")]
    [InlineData("agency.campaign_week_money")]
    [InlineData("agency.campaign_month_money")]
    [InlineData("agency.employee_week_hours")]
    [InlineData("te.expense_lines")]
    [InlineData("procure.project_quotes")]
    [InlineData("finance_ppm.projects")]
    [InlineData("agency.ai_conversations")]
    public async Task System_ReadsNoEntriesPersonalRatesOrFinanceRecords(string table)
    {
        // Equipment day rates (gear.checkouts) are everyone's since 007, the system actor's too.
        await using var s = await world.AppSessionAsync(world.A, "system");

        Assert.Equal(0L, await s.ScalarAsync<long>($"select count(*) from {table}"));
    }

    [Fact]
    public async Task System_SeesMoneyNowhereInTheViews()
    {
        await using var s = await world.AppSessionAsync(world.A, "system");

        var campaign = (await s.QueryAsync("select revenue, spend, margin, total_cost from agency.v_campaign_overview where campaign_id = @c",
            ("c", world.A.Rows["agency.campaigns"]))).Single();
        var client = (await s.QueryAsync("select revenue, cost, margin, spend from agency.v_client_360 where client_id = @c",
            ("c", world.A.Rows["agency.clients"]))).Single();
        var kpis = (await s.QueryAsync("select revenue_this_month, cost_this_month, margin_this_month from agency.v_dashboard_kpis")).Single();
        Assert.All(campaign.Values, Assert.Null);
        Assert.All(client.Values, Assert.Null);
        Assert.All(kpis.Values, Assert.Null);
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.campaign_spend_lines where source in ('time', 'expense')"));
        Assert.True(await s.ScalarAsync<long>("select count(*) from agency.campaign_budget_use") > 0);
    }

    [Theory]
    [InlineData("update agency.campaigns set name = 'Renamed by a job'")]
    [InlineData("update agency.clients set name = 'Renamed by a job'")]
    [InlineData("update agency.employees set agency_role = 'admin'")]
    [InlineData("update agency.artifacts set title = 'Renamed by a job'")]
    public async Task System_ChangesNoAgencyRecord(string sql)
    {
        await using var s = await world.AppSessionAsync(world.A, "system");

        Assert.Equal(0, await s.ExecuteAsync(sql));
    }

    [Fact]
    public async Task System_CannotCreateAgencyRecords()
    {
        await using var s = await world.AppSessionAsync(world.A, "system");

        var refused = await s.FailureAsync("insert into agency.clients (code, name) values ('JOB', 'Made by a job')");

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Theory]
    [InlineData("finance")]
    [InlineData("leadership")]
    [InlineData("admin")]
    public async Task People_NoLongerRaiseAlertsOrRefreshHealthOnAClock(string role)
    {
        await using var s = await world.AppSessionAsync(world.A, role);

        var raise = await s.FailureAsync(
            "insert into agency.notifications (recipient_id, kind, campaign_id, threshold, title) values (@p, 'budget_alert', @c, 60, 'x')",
            ("p", world.A.People[role]), ("c", world.A.Rows["agency.campaigns"]));
        await using var again = await world.AppSessionAsync(world.A, role);
        var refresh = await again.FailureAsync("select agency.refresh_stale_campaign_health()");

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, raise.SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refresh.SqlState);
    }

    [Fact]
    public async Task Jobs_APersonEnqueues_OnlyTheSystemClaims_AndNeverTwice()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var job = Guid.NewGuid();
        await using (var creative = await TestSession.BeginAsync(world.Database.App, tenant.Id, "creative", tenant.People["creative"]))
        {
            await creative.ExecuteAsync("insert into agency.jobs (id, kind, payload) values (@id, 'embed_document', '{}')", ("id", job));
            Assert.Empty(await creative.QueryAsync("select * from agency.claim_jobs('embed_document')"));
            await creative.CommitAsync();
        }

        await using var first = await TestSession.BeginAsync(world.Database.App, tenant.Id, "system", null);
        await using var second = await TestSession.BeginAsync(world.Database.App, tenant.Id, "system", null);
        var claimed = await first.QueryAsync("select id, attempts, leased_until from agency.claim_jobs('embed_document', 5)");
        // The first claim's row lock is still held: the second worker skips it rather than waiting.
        var claimedAgain = await second.QueryAsync("select id from agency.claim_jobs('embed_document', 5)");
        var lease = ("lease", claimed.Single()["leased_until"]);
        var notMyLease = await first.ScalarAsync<string?>("select agency.finish_job(@id, now() - interval '1 day', null)", ("id", job));
        var status = await first.ScalarAsync<string>("select agency.finish_job(@id, @lease, 'model not loaded')", ("id", job), lease);
        var retryAt = await first.ScalarAsync<DateTime>("select run_after from agency.jobs where id = @id", ("id", job));
        await first.CommitAsync();

        Assert.Null(notMyLease);
        Assert.Equal(job, (Guid)claimed.Single()["id"]!);
        Assert.Equal(1, (int)claimed.Single()["attempts"]!);
        Assert.Empty(claimedAgain);
        Assert.Equal("queued", status);
        Assert.True(retryAt > DateTime.UtcNow.AddSeconds(30), $"retried at {retryAt:O}");
    }

    [Fact]
    public async Task Jobs_WhoseWorkerStoppedFiveTimes_FailInsteadOfLooping()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "system", null);
        var job = await s.ScalarAsync<Guid>(
            "insert into agency.jobs (kind, status, attempts, leased_until) values ('embed_document', 'running', 5, now() - interval '1 minute') returning id");

        var claimed = await s.QueryAsync("select id from agency.claim_jobs('embed_document', 5)");

        Assert.Empty(claimed);
        Assert.Equal("failed", await s.ScalarAsync<string>("select status from agency.jobs where id = @id", ("id", job)));
    }

    [Fact]
    public async Task Jobs_OfAnotherTenant_AreNeitherSeenNorClaimed()
    {
        await using var s = await world.AppSessionAsync(world.A, "system");

        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.jobs where tenant_id = @b", ("b", world.B.Id)));
        Assert.DoesNotContain(await s.QueryAsync("select id from agency.claim_jobs('embed_document', 100)"),
            r => (Guid)r["id"]! == world.B.Rows["agency.jobs"]);
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.notifications where tenant_id = @b", ("b", world.B.Id)));
    }
}
