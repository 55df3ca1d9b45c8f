using AgencyWorkroom.Tests.Infrastructure;
using Npgsql;

namespace AgencyWorkroom.Tests.Data.Security;

/// <summary>
/// The rules of time (021), tried as the web app's role would be attacked: each test runs in a
/// transaction of tenant A that is rolled back, on a campaign of its own whose project manager
/// is A's pm and on whose team is A's creative.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class TimesheetRulesTests(TwoTenantWorld world)
{
    // A Monday three weeks back: the week is wholly in the past and inside the test campaign.
    private const string Monday = "(date_trunc('week', current_date)::date - 21)";

    [Fact]
    public async Task Attack_CreativeSetsFifteenOwnEntriesToApproved_IsRefused()
    {
        await using var s = await world.AppSessionAsync(world.A, "creative");
        var campaign = await CampaignAsync(s);
        await s.ExecuteAsync(
            $"insert into agency.timesheet_entries (campaign_id, entry_date, hours) select @c, {Monday} + g % 7 - 7 * (g / 7), 1 from generate_series(0, 14) g",
            ("c", campaign));

        var direct = await s.FailureAsync("update agency.timesheet_entries set status = 'approved' where campaign_id = @c", ("c", campaign));
        await s.ExecuteAsync("update agency.timesheet_entries set status = 'submitted' where campaign_id = @c", ("c", campaign));
        var afterSubmit = await s.FailureAsync(
            "update agency.timesheet_entries set status = 'approved', approved_by = @me where campaign_id = @c",
            ("c", campaign), ("me", world.A.People["creative"]));
        var inserted = await s.FailureAsync(
            $"insert into agency.timesheet_entries (campaign_id, entry_date, hours, status) values (@c, {Monday}, 1, 'approved')", ("c", campaign));

        Assert.Equal("timesheet_status_transition", direct.ConstraintName);
        Assert.Equal("timesheet_approver", afterSubmit.ConstraintName);
        Assert.Equal("timesheet_status_transition", inserted.ConstraintName);
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.timesheet_entries where campaign_id = @c and status = 'approved'", ("c", campaign)));
    }

    [Fact]
    public async Task Attack_TwentyEightMoreHoursIntoADayThatHasSeven_IsRefused()
    {
        await using var s = await world.AppSessionAsync(world.A, "creative");
        var campaign = await CampaignAsync(s);
        await s.ExecuteAsync($"insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, {Monday}, 7)", ("c", campaign));

        var oneStatement = await s.FailureAsync(
            $"insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, {Monday}, 14), (@c, {Monday}, 14)", ("c", campaign));
        await s.ExecuteAsync($"insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, {Monday}, 14)", ("c", campaign));
        var secondRow = await s.FailureAsync($"insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, {Monday}, 14)", ("c", campaign));
        var byUpdate = await s.FailureAsync($"update agency.timesheet_entries set hours = 17.25 where campaign_id = @c and hours = 14", ("c", campaign));
        // Exactly 24 across the two rows is a full day, not too much.
        await s.ExecuteAsync($"update agency.timesheet_entries set hours = 17 where campaign_id = @c and hours = 14", ("c", campaign));

        Assert.All([oneStatement, secondRow, byUpdate], e => Assert.Equal("timesheet_day_limit", e.ConstraintName));
        Assert.Equal(24m, await s.ScalarAsync<decimal>($"select sum(hours) from agency.timesheet_entries where campaign_id = @c and entry_date = {Monday}", ("c", campaign)));
    }

    [Fact]
    public async Task Attack_PmChangesHoursOfAnApprovedEntry_IsRefused_AsIsEveryOtherRole()
    {
        await using var s = await world.AppSessionAsync(world.A, "creative");
        var campaign = await CampaignAsync(s);
        var entry = await s.ScalarAsync<Guid>(
            $"insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, {Monday}, 4) returning id", ("c", campaign));
        await s.ExecuteAsync("update agency.timesheet_entries set status = 'submitted' where id = @id", ("id", entry));
        await As(s, "pm");
        await s.ExecuteAsync("update agency.timesheet_entries set status = 'approved' where id = @id", ("id", entry));

        var failures = new List<PostgresException> { await s.FailureAsync("update agency.timesheet_entries set hours = 8 where id = @id", ("id", entry)) };
        foreach (var role in new[] { "creative", "finance", "leadership" })
        {
            await As(s, role);
            failures.Add(await s.FailureAsync("update agency.timesheet_entries set hours = 8 where id = @id", ("id", entry)));
            failures.Add(await s.FailureAsync("delete from agency.timesheet_entries where id = @id", ("id", entry)));
        }

        await As(s, "creative");
        var intoLockedWeek = await s.FailureAsync(
            $"insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, {Monday} + 1, 1)", ("c", campaign));

        Assert.All(failures, e => Assert.Equal("timesheet_week_locked", e.ConstraintName));
        Assert.Equal("timesheet_week_locked", intoLockedWeek.ConstraintName);
        var row = (await s.QueryAsync("select hours, status, approved_by from agency.timesheet_entries where id = @id", ("id", entry))).Single();
        Assert.Equal(4m, row["hours"]);
        Assert.Equal("approved", row["status"]);
        Assert.Equal(world.A.People["pm"], row["approved_by"]);
    }

    [Fact]
    public async Task HistoryLoadedApproved_IsLocked_WithoutAKeptLock()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var person = tenant.People["creative"];
        Guid campaign;
        await using (var setup = await TestSession.BeginAsync(world.Database.App, tenant.Id, "pm", tenant.People["pm"]))
        {
            campaign = await CampaignAsync(setup, client: tenant.ClientId, pm: tenant.People["pm"], member: person);
            await setup.CommitAsync();
        }

        // Loaded as the owner, whom the rules do not bind (nor the seed's maintenance role).
        await using (var load = await TestSession.BeginAsync(world.Database.Owner, tenant.Id, "creative", person))
        {
            await load.ExecuteAsync(
                $"insert into agency.timesheet_entries (campaign_id, entry_date, hours, status, approved_by, approved_at) values (@c, {Monday}, 6, 'approved', @pm, now())",
                ("c", campaign), ("pm", tenant.People["pm"]));
            await load.CommitAsync();
        }

        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "creative", person);
        var added = await s.FailureAsync($"insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, {Monday} + 1, 1)", ("c", campaign));

        Assert.Equal("timesheet_week_locked", added.ConstraintName);
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.timesheet_weeks"));
    }

    [Fact]
    public async Task SubmittedEntry_RefusesEditsOfHoursDateAndCampaign_EvenByItsPerson()
    {
        await using var s = await world.AppSessionAsync(world.A, "creative");
        var campaign = await CampaignAsync(s);
        var entry = await s.ScalarAsync<Guid>(
            $"insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, {Monday}, 4) returning id", ("c", campaign));
        await s.ExecuteAsync("update agency.timesheet_entries set status = 'submitted' where id = @id", ("id", entry));

        var hours = await s.FailureAsync("update agency.timesheet_entries set hours = 5 where id = @id", ("id", entry));
        var date = await s.FailureAsync("update agency.timesheet_entries set entry_date = entry_date + 1 where id = @id", ("id", entry));
        var delete = await s.FailureAsync("delete from agency.timesheet_entries where id = @id", ("id", entry));
        await As(s, "pm");
        var byPm = await s.FailureAsync("update agency.timesheet_entries set hours = 5 where id = @id", ("id", entry));

        Assert.All([hours, date, delete], e => Assert.Equal("timesheet_entry_frozen", e.ConstraintName));
        Assert.Equal("timesheet_own_entries", byPm.ConstraintName);
    }

    [Fact]
    public async Task Approval_ByPmOfAnotherCampaign_OrOwnEntries_OrAccount_IsRefused()
    {
        await using var s = await world.AppSessionAsync(world.A, "creative");
        // Leadership manages the other campaign, so may log to it too (030: one's team or allocations).
        var other = await CampaignAsync(s, pm: world.A.People["leadership"]);
        var entry = await s.ScalarAsync<Guid>(
            $"insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, {Monday}, 4) returning id", ("c", other));
        await s.ExecuteAsync("update agency.timesheet_entries set status = 'submitted' where id = @id", ("id", entry));

        await As(s, "pm");
        var otherPm = await s.FailureAsync("update agency.timesheet_entries set status = 'approved' where id = @id", ("id", entry));
        await As(s, "account");
        var account = await s.ExecuteAsync("update agency.timesheet_entries set status = 'approved' where id = @id", ("id", entry));
        // Leadership approves anyone's, but not their own.
        await As(s, "leadership");
        var own = await s.ScalarAsync<Guid>(
            $"insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, {Monday} + 1, 2) returning id", ("c", other));
        await s.ExecuteAsync("update agency.timesheet_entries set status = 'submitted' where id = @id", ("id", own));
        var self = await s.FailureAsync("update agency.timesheet_entries set status = 'approved' where id = @id", ("id", own));
        await s.ExecuteAsync("update agency.timesheet_entries set status = 'approved' where id = @id", ("id", entry));

        Assert.Equal("timesheet_approver", otherPm.ConstraintName);
        Assert.Equal(0, account); // row-level security: an account manager reads no one's time
        Assert.Equal("timesheet_approver", self.ConstraintName);
        Assert.Equal(world.A.People["leadership"], await s.ScalarAsync<Guid>("select approved_by from agency.timesheet_entries where id = @id", ("id", entry)));
    }

    [Fact]
    public async Task Reject_NeedsAReason_AndComesBackEditable()
    {
        await using var s = await world.AppSessionAsync(world.A, "creative");
        var campaign = await CampaignAsync(s);
        var entry = await s.ScalarAsync<Guid>(
            $"insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, {Monday}, 4) returning id", ("c", campaign));
        await s.ExecuteAsync("update agency.timesheet_entries set status = 'submitted' where id = @id", ("id", entry));
        await As(s, "pm");

        var bare = await s.FailureAsync("update agency.timesheet_entries set status = 'rejected' where id = @id", ("id", entry));
        var blank = await s.FailureAsync("update agency.timesheet_entries set status = 'rejected', rejection_reason = '  ' where id = @id", ("id", entry));
        await s.ExecuteAsync("update agency.timesheet_entries set status = 'rejected', rejection_reason = 'Wrong phase' where id = @id", ("id", entry));
        var rejected = (await s.QueryAsync("select rejected_by, rejection_reason from agency.timesheet_entries where id = @id", ("id", entry))).Single();
        await As(s, "creative");
        await s.ExecuteAsync("update agency.timesheet_entries set hours = 3.5 where id = @id", ("id", entry));
        await s.ExecuteAsync("update agency.timesheet_entries set status = 'submitted' where id = @id", ("id", entry));

        Assert.Equal("timesheet_rejection_reason", bare.ConstraintName);
        Assert.Equal("timesheet_rejection_reason", blank.ConstraintName);
        Assert.Equal(world.A.People["pm"], rejected["rejected_by"]);
        Assert.Equal("Wrong phase", rejected["rejection_reason"]);
        var resubmitted = (await s.QueryAsync("select status, hours, rejection_reason from agency.timesheet_entries where id = @id", ("id", entry))).Single();
        Assert.Equal("submitted", resubmitted["status"]);
        Assert.Equal(3.5m, resubmitted["hours"]);
        Assert.Null(resubmitted["rejection_reason"]);
    }

    [Theory]
    [InlineData("1.1", "timesheet_quarter_hours")]
    [InlineData("0.2", "timesheet_quarter_hours")]
    public async Task Hours_NotInQuarterHours_AreRefused(string hours, string constraint)
    {
        await using var s = await world.AppSessionAsync(world.A, "creative");
        var campaign = await CampaignAsync(s);
        await s.ExecuteAsync($"insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, {Monday}, 1.75)", ("c", campaign));

        var e = await s.FailureAsync($"insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, {Monday}, {hours})", ("c", campaign));

        Assert.Equal(constraint, e.ConstraintName);
    }

    [Fact]
    public async Task Time_OnAClosedCampaign_OutsideItsOrItsPhasesDates_OrAfterToday_IsRefused()
    {
        await using var s = await world.AppSessionAsync(world.A, "creative");
        var campaign = await CampaignAsync(s);
        await As(s, "pm");
        var phase = await s.ScalarAsync<Guid>(
            $"""
            insert into agency.campaign_phases (campaign_id, phase_type, name, start_date, end_date)
            values (@c, 'strategy', 'Strategy', {Monday}, {Monday} + 2) returning id
            """, ("c", campaign));
        var closed = await CampaignAsync(s, status: "completed");
        await As(s, "creative");

        Task<PostgresException> Try(string values, params (string, object?)[] p) =>
            s.FailureAsync($"insert into agency.timesheet_entries (campaign_id, phase_id, entry_date, hours) values {values}", p);

        var onClosed = await Try($"(@c, null, {Monday}, 1)", ("c", closed));
        var beforeCampaign = await Try("(@c, null, current_date - 400, 1)", ("c", campaign));
        var afterPhase = await Try($"(@c, @p, {Monday} + 3, 1)", ("c", campaign), ("p", phase));
        var tomorrow = await Try("(@c, null, current_date + 1, 1)", ("c", campaign));
        await s.ExecuteAsync($"insert into agency.timesheet_entries (campaign_id, phase_id, entry_date, hours) values (@c, @p, {Monday} + 2, 1)",
            ("c", campaign), ("p", phase));

        Assert.Equal("timesheet_campaign_open", onClosed.ConstraintName);
        Assert.Equal("timesheet_campaign_dates", beforeCampaign.ConstraintName);
        Assert.Equal("timesheet_phase_dates", afterPhase.ConstraintName);
        Assert.Equal("timesheet_days_ahead", tomorrow.ConstraintName);
    }

    [Fact]
    public async Task DaysAhead_SetByTheTenant_AllowsThatManyDaysAfterToday()
    {
        await using var s = await world.AppSessionAsync(world.A, "admin");
        await s.ExecuteAsync("update agency.tenants set time_entry_days_ahead = 3 where id = @id", ("id", world.A.Id));
        await As(s, "creative");
        var campaign = await CampaignAsync(s);

        await s.ExecuteAsync("insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, current_date + 3, 1)", ("c", campaign));
        var four = await s.FailureAsync("insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, current_date + 4, 1)", ("c", campaign));

        Assert.Equal("timesheet_days_ahead", four.ConstraintName);
    }

    [Fact]
    public async Task FinanceSignOff_On_LocksTheWeekOnlyWhenSignedOff_AndAppearsInFinancesQueue()
    {
        await using var s = await world.AppSessionAsync(world.A, "admin");
        await s.ExecuteAsync("update agency.tenants set timesheet_finance_signoff = true where id = @id", ("id", world.A.Id));
        await As(s, "creative");
        var campaign = await CampaignAsync(s);
        await SubmittedAndApprovedAsync(s, campaign);
        var monday = await s.ScalarAsync<DateOnly>($"select {Monday}");

        await As(s, "creative");
        // Approved but not locked yet: still not editable (approved), but finance has it to sign off.
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.timesheet_weeks where locked_at is not null and week_start_date = @w", ("w", monday)));
        await As(s, "finance");
        var queue = await s.QueryAsync("select employee_id, stage from agency.timesheet_weeks_awaiting_me() where week_start_date = @w", ("w", monday));
        await As(s, "pm");
        var pmRefused = await s.FailureAsync("select agency.sign_off_timesheet_week(@p, @w)", ("p", world.A.People["creative"]), ("w", monday));
        await As(s, "finance");
        await s.ExecuteAsync("select agency.sign_off_timesheet_week(@p, @w)", ("p", world.A.People["creative"]), ("w", monday));
        await As(s, "creative");
        var locked = await s.FailureAsync($"insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, {Monday} + 1, 1)", ("c", campaign));

        Assert.Equal([(world.A.People["creative"], "sign_off")], queue.Select(r => ((Guid)r["employee_id"]!, (string)r["stage"]!)));
        Assert.Equal("42501", pmRefused.SqlState);
        Assert.Equal("timesheet_week_locked", locked.ConstraintName);
    }

    [Fact]
    public async Task Unlock_NeedsFinanceOrLeadershipAndAReason_ReopensTheWeek_AuditsAndNotifies()
    {
        await using var s = await world.AppSessionAsync(world.A, "creative");
        var campaign = await CampaignAsync(s);
        await SubmittedAndApprovedAsync(s, campaign);
        var monday = await s.ScalarAsync<DateOnly>($"select {Monday}");
        var person = world.A.People["creative"];

        await As(s, "pm");
        var byPm = await s.FailureAsync("select agency.unlock_timesheet_week(@p, @w, 'typo')", ("p", person), ("w", monday));
        await As(s, "finance");
        var noReason = await s.FailureAsync("select agency.unlock_timesheet_week(@p, @w, ' ')", ("p", person), ("w", monday));
        var reopened = await s.ScalarAsync<int>("select agency.unlock_timesheet_week(@p, @w, 'Client moved the shoot')", ("p", person), ("w", monday));
        var audit = await s.QueryAsync(
            """
            select a.action, a.reason, a.actor_id from agency.audit_log a
            join agency.timesheet_weeks w on w.id = a.entity_id
            where a.entity = 'timesheet_week' and a.action = 'unlock' and w.employee_id = @p and w.week_start_date = @w
            """, ("p", person), ("w", monday));
        await As(s, "creative");
        await s.ExecuteAsync($"update agency.timesheet_entries set hours = 5 where campaign_id = @c and entry_date = {Monday}", ("c", campaign));
        var told = await s.ScalarAsync<string>("select title from agency.notifications where kind = 'timesheet_unlocked' and recipient_id = @p", ("p", person));

        Assert.Equal("42501", byPm.SqlState);
        Assert.Equal("timesheet_unlock_reason", noReason.ConstraintName);
        Assert.Equal(2, reopened);
        Assert.Equal(("unlock", "Client moved the shoot", world.A.People["finance"]),
            audit.Select(a => ((string)a["action"]!, (string)a["reason"]!, (Guid)a["actor_id"]!)).Single());
        Assert.Contains("Client moved the shoot", told);
    }

    [Fact]
    public async Task Time_OnACampaignThePersonIsNeitherOnNorAllocatedTo_IsRefused_UntilAllocated_AndAnImportStepsAside()
    {
        await using var s = await world.AppSessionAsync(world.A, "creative");
        // The account person is on its team, the creative is not.
        var campaign = await CampaignAsync(s, member: world.A.People["account"]);
        var onOwnTeam = await CampaignAsync(s);
        var own = Guid.NewGuid();
        await s.ExecuteAsync($"insert into agency.timesheet_entries (id, campaign_id, entry_date, hours) values (@id, @c, {Monday}, 1)", ("id", own), ("c", onOwnTeam));

        var notOnTeam = await s.FailureAsync($"insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, {Monday}, 2)", ("c", campaign));
        var movedOnto = await s.FailureAsync("update agency.timesheet_entries set campaign_id = @c where id = @id", ("c", campaign), ("id", own));
        await As(s, "admin");
        await s.ExecuteAsync("select agency.begin_timesheet_import('Kimai history')");
        await s.ExecuteAsync(
            $"insert into agency.timesheet_entries (employee_id, campaign_id, entry_date, hours) values (@p, @c, {Monday} + 1, 3)",
            ("p", world.A.People["creative"]), ("c", campaign));
        await s.ExecuteAsync("select set_config('app.timesheet_import', '', true)");
        await As(s, "pm");
        await s.ExecuteAsync(
            $"insert into agency.team_allocations (employee_id, campaign_id, week_start_date, hours) values (@p, @c, {Monday}, 4)",
            ("p", world.A.People["creative"]), ("c", campaign));
        await As(s, "creative");
        await s.ExecuteAsync($"insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, {Monday}, 2)", ("c", campaign));

        Assert.Equal(("42501", "timesheet_campaign_member"), (notOnTeam.SqlState, notOnTeam.ConstraintName));
        Assert.Contains("not on the team", notOnTeam.MessageText);
        Assert.Equal("timesheet_campaign_member", movedOnto.ConstraintName);
        Assert.Equal(5m, await s.ScalarAsync<decimal>("select sum(hours) from agency.timesheet_entries where campaign_id = @c", ("c", campaign)));
    }

    [Fact]
    public async Task Import_ByAnAdmin_BypassesTheEntryRules_IsAudited_AndNobodyElseMayStartOne()
    {
        await using var s = await world.AppSessionAsync(world.A, "creative");
        var closed = await CampaignAsync(s, status: "completed");
        var refused = await s.FailureAsync("select agency.begin_timesheet_import('Harvest history')");
        // Setting the flag by hand does not make a creative an importer.
        await s.ExecuteAsync("select set_config('app.timesheet_import', 'on', true)");
        var byHand = await s.FailureAsync(
            "insert into agency.timesheet_entries (campaign_id, entry_date, hours, status) values (@c, current_date - 3, 1.1, 'approved')", ("c", closed));

        await As(s, "admin");
        await s.ExecuteAsync("select agency.begin_timesheet_import('Harvest history')");
        // No RETURNING: an admin may write history but not read anyone's time.
        var id = Guid.NewGuid();
        await s.ExecuteAsync(
            """
            insert into agency.timesheet_entries (id, employee_id, campaign_id, entry_date, hours, status, approved_by, approved_at)
            values (@id, @p, @c, current_date - 3, 1.1, 'approved', @pm, now())
            """, ("id", id), ("p", world.A.People["creative"]), ("c", closed), ("pm", world.A.People["pm"]));
        await As(s, "finance");
        // One audit row per person-week and statement (030), naming the entries it wrote.
        var audit = await s.QueryAsync(
            "select action, reason, actor_role from agency.audit_log where entity = 'timesheet_entries' and new_values -> 'ids' ? @id",
            ("id", id.ToString()));

        Assert.Equal("42501", refused.SqlState);
        Assert.Equal("timesheet_status_transition", byHand.ConstraintName);
        Assert.Equal(("import", "Harvest history", "admin"), audit.Select(a => ((string)a["action"]!, (string)a["reason"]!, (string)a["actor_role"]!)).Single());
    }

    [Fact]
    public async Task SubmitApproveReject_NotifyWhoMustKnow_AndTheQueueIsTheCallers()
    {
        await using var s = await world.AppSessionAsync(world.A, "creative");
        var campaign = await CampaignAsync(s);
        await s.ExecuteAsync(
            $"insert into agency.timesheet_entries (campaign_id, entry_date, hours) select @c, {Monday} + g, 2 from generate_series(0, 4) g", ("c", campaign));
        await s.ExecuteAsync("update agency.timesheet_entries set status = 'submitted' where campaign_id = @c", ("c", campaign));
        var monday = await s.ScalarAsync<DateOnly>($"select {Monday}");

        await As(s, "pm");
        var pmQueue = await s.QueryAsync("select employee_id, entries, hours from agency.timesheet_weeks_awaiting_me() where week_start_date = @w", ("w", monday));
        var pmCount = await s.ScalarAsync<long>("select agency.pending_timesheet_approvals()");
        var pmTold = await s.ScalarAsync<long>("select count(*) from agency.notifications where kind = 'timesheet_submitted' and week_start_date = @w", ("w", monday));
        await As(s, "account");
        var accountCount = await s.ScalarAsync<long>("select agency.pending_timesheet_approvals()");
        await As(s, "pm");
        await s.ExecuteAsync("update agency.timesheet_entries set status = 'approved' where campaign_id = @c", ("c", campaign));
        var pmAfter = await s.ScalarAsync<long>("select count(*) from agency.timesheet_weeks_awaiting_me() where week_start_date = @w", ("w", monday));
        await As(s, "creative");
        var creativeTold = await s.QueryAsync("select kind, title from agency.notifications where week_start_date = @w", ("w", monday));

        var row = pmQueue.Single();
        Assert.Equal((world.A.People["creative"], 5L, 10m), ((Guid)row["employee_id"]!, (long)row["entries"]!, (decimal)row["hours"]!));
        Assert.True(pmCount >= 1);
        Assert.Equal(1L, pmTold);
        Assert.Equal(0L, accountCount);
        Assert.Equal(0L, pmAfter);
        Assert.Equal("timesheet_approved", Assert.Single(creativeTold)["kind"]);
    }

    [Theory]
    [InlineData("creative")]
    [InlineData("finance")]
    [InlineData("leadership")]
    public async Task TimesheetWeeks_AreWrittenByNoAppRole(string role)
    {
        await using var s = await world.AppSessionAsync(world.A, role);

        var insert = await s.FailureAsync(
            "insert into agency.timesheet_weeks (tenant_id, employee_id, week_start_date, locked_at) values (@t, @p, '2024-01-01', now())",
            ("t", world.A.Id), ("p", world.A.People["creative"]));
        var update = await s.FailureAsync("update agency.timesheet_weeks set locked_at = null");

        Assert.All([insert, update], e => Assert.Equal("42501", e.SqlState));
    }

    [Fact]
    public async Task Notifications_StillOnlyRaisedByTheSystemOrTheTriggers()
    {
        await using var s = await world.AppSessionAsync(world.A, "leadership");

        var e = await s.FailureAsync(
            "insert into agency.notifications (recipient_id, kind, week_start_date, title) values (@p, 'timesheet_approved', current_date, 'x')",
            ("p", world.A.People["creative"]));

        Assert.Equal("42501", e.SqlState);
    }

    [Fact]
    public async Task Timer_OnePerPerson_StopAddsRoundedTimeToTodaysCell()
    {
        await using var s = await world.AppSessionAsync(world.A, "creative");
        var campaign = await CampaignAsync(s);
        await s.ExecuteAsync("insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, current_date, 1)", ("c", campaign));

        await s.ExecuteAsync("select agency.start_timer(@c, null)", ("c", campaign));
        var second = await s.FailureAsync("select agency.start_timer(@c, null)", ("c", campaign));
        // 1 h 20 min ago: rounds to 1.25 h.
        await s.ExecuteAsync("update agency.timesheet_timers set started_at = now() - interval '80 minutes'");
        var added = await s.ScalarAsync<decimal>("select agency.stop_timer()");

        Assert.Equal("23505", second.SqlState);
        Assert.Equal(1.25m, added);
        Assert.Equal(2.25m, await s.ScalarAsync<decimal>("select hours from agency.timesheet_entries where campaign_id = @c and entry_date = current_date", ("c", campaign)));
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.timesheet_timers where employee_id = @p", ("p", world.A.People["creative"])));
    }

    [Fact]
    public async Task TimeOff_CountsInTheDay_IsApprovedByLeadership_AndNetsOutOfCapacity()
    {
        await using var s = await world.AppSessionAsync(world.A, "creative");
        var campaign = await CampaignAsync(s);
        await s.ExecuteAsync($"insert into agency.time_off_entries (kind, entry_date, hours) values ('holiday', {Monday}, 8)");
        await s.ExecuteAsync($"insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, {Monday} + 1, 4)", ("c", campaign));
        var tooMuch = await s.FailureAsync($"insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, {Monday}, 16.25)", ("c", campaign));
        await s.ExecuteAsync("update agency.time_off_entries set status = 'submitted'");
        await As(s, "pm");
        var pm = await s.FailureAsync("update agency.time_off_entries set status = 'approved' where employee_id = @p", ("p", world.A.People["creative"]));
        await As(s, "leadership");
        await s.ExecuteAsync("update agency.time_off_entries set status = 'approved' where employee_id = @p", ("p", world.A.People["creative"]));
        var monday = await s.ScalarAsync<DateOnly>($"select {Monday}");
        var week = (await s.QueryAsync(
            "select capacity_hours, utilization_pct, total_hours from agency.v_employee_utilization where employee_id = @p and week_start_date = @w",
            ("p", world.A.People["creative"]), ("w", monday))).Single();

        Assert.Equal("timesheet_day_limit", tooMuch.ConstraintName);
        Assert.Equal("timesheet_approver", pm.ConstraintName);
        // 40 h of capacity less the 8 h holiday; 4 h logged of the 32 left.
        Assert.Equal((32m, 0.125m, 4m), ((decimal)week["capacity_hours"]!, (decimal)week["utilization_pct"]!, (decimal)week["total_hours"]!));
        // Time off is in no campaign's hours: the campaign's week holds the 4 h of time only.
        Assert.Equal(4m, await s.ScalarAsync<decimal>("select sum(total_hours) from agency.campaign_week_hours where campaign_id = @c and week_start_date = @w",
            ("c", campaign), ("w", monday)));
    }

    [Fact]
    public async Task DayLimit_HoldsAcrossConcurrentTransactions()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var person = tenant.People["creative"];
        Guid campaign;
        await using (var setup = await TestSession.BeginAsync(world.Database.App, tenant.Id, "pm", tenant.People["pm"]))
        {
            campaign = await CampaignAsync(setup, client: tenant.ClientId, pm: tenant.People["pm"], member: person);
            await setup.CommitAsync();
        }

        await using var first = await TestSession.BeginAsync(world.Database.App, tenant.Id, "creative", person);
        await using var second = await TestSession.BeginAsync(world.Database.App, tenant.Id, "creative", person);
        const string Insert = "insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, current_date - 1, 14)";
        await first.ExecuteAsync(Insert, ("c", campaign));
        // The second waits for the first's lock on the person's day, then sees its 14 h.
        var waiting = second.FailureAsync(Insert, ("c", campaign));
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        await first.CommitAsync();
        var refused = await waiting;

        Assert.Equal("timesheet_day_limit", refused.ConstraintName);
    }

    [Fact]
    public async Task OtherTenant_CannotApproveOrUnlock()
    {
        await using var a = await world.AppSessionAsync(world.A, "creative");
        var campaign = await CampaignAsync(a);
        var entry = await a.ScalarAsync<Guid>(
            $"insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, {Monday}, 4) returning id", ("c", campaign));
        await a.ExecuteAsync("update agency.timesheet_entries set status = 'submitted' where id = @id", ("id", entry));
        // B's leadership, in A's transaction: its tenant's isolation hides A's rows.
        await a.SetContextAsync(world.B.Id, "leadership", world.B.People["leadership"]);

        var approved = await a.ExecuteAsync("update agency.timesheet_entries set status = 'approved' where id = @id", ("id", entry));
        var unlock = await a.FailureAsync($"select agency.unlock_timesheet_week(@p, {Monday}, 'x')", ("p", world.A.People["creative"]));

        Assert.Equal(0, approved);
        Assert.Equal("23514", unlock.SqlState); // not locked, as far as B can tell
    }

    // ------------------------------------------------------------------ helpers

    private async Task As(TestSession s, string role) => await s.SetContextAsync(world.A.Id, role, world.A.People[role]);

    /// <summary>Five days of 2 h (the creative's) submitted and approved by the pm; leaves the session as pm.</summary>
    private async Task SubmittedAndApprovedAsync(TestSession s, Guid campaign)
    {
        await As(s, "creative");
        await s.ExecuteAsync(
            $"insert into agency.timesheet_entries (campaign_id, entry_date, hours) select @c, {Monday} + g, 2 from generate_series(0, 1) g", ("c", campaign));
        await s.ExecuteAsync("update agency.timesheet_entries set status = 'submitted' where campaign_id = @c", ("c", campaign));
        await As(s, "pm");
        await s.ExecuteAsync("update agency.timesheet_entries set status = 'approved' where campaign_id = @c", ("c", campaign));
    }

    /// <summary>A campaign of the session's tenant over the last year, managed by <paramref name="pm"/>
    /// (A's pm by default) with <paramref name="member"/> (A's creative) on its team; the session's
    /// person and role are put back after.</summary>
    private async Task<Guid> CampaignAsync(TestSession s, Guid? pm = null, string status = "active", Guid? client = null, Guid? member = null)
    {
        var context = (await s.QueryAsync(
            "select current_setting('app.current_tenant') as t, current_setting('app.current_role') as r, current_setting('app.current_user_id') as u")).Single();
        var tenant = (string)context["t"]!;
        var manager = pm ?? world.A.People["pm"];
        await s.SetContextAsync(tenant, "pm", manager.ToString());
        var id = Guid.NewGuid();
        await s.ExecuteAsync(
            """
            insert into agency.campaigns (id, client_id, code, name, status, start_date, end_date)
            values (@id, @client, @code, 'Rules test', @status, current_date - 365, current_date + 30)
            """,
            ("id", id), ("client", client ?? world.A.Rows["agency.clients"]), ("code", "RT-" + id.ToString("N")[..10].ToUpperInvariant()), ("status", status));
        await s.ExecuteAsync(
            "insert into agency.campaign_team (campaign_id, employee_id, team_role) values (@c, @pm, 'project_manager'), (@c, @m, 'designer')",
            ("c", id), ("pm", manager), ("m", member ?? world.A.People["creative"]));
        await s.SetContextAsync((string)context["t"]!, (string)context["r"]!, (string)context["u"]!);
        return id;
    }
}
