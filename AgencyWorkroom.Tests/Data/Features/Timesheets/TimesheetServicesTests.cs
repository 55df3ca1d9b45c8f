using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.Notifications;
using AgencyWorkroom.Data.Features.Timesheets;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Timesheets;

/// <summary>The timesheet services on the real database, each test in a scratch tenant of its own.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class TimesheetServicesTests(TwoTenantWorld world)
{
    // Last week: wholly in the past, so every day may hold time.
    private static readonly DateOnly LastWeek = Weeks.StartOf(DateOnly.FromDateTime(DateTime.Today)).AddDays(-7);

    [Fact]
    public async Task SaveCells_AWeekOfEightRows_SavesFiftySixCellsInOneGo_AndReadsThemBack()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaigns = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            campaigns.Add(await CampaignAsync(tenant, $"ROW{i}"));
        }

        await using var creative = tenant.As(world, "creative");
        var changes = (from c in campaigns from d in Enumerable.Range(0, 7)
                       select new CellChange(c, null, LastWeek.AddDays(d), 0.25m * (1 + d % 4), d == 0 ? "kick-off" : null, null, null)).ToList();

        var outcomes = await creative.Get<ITimesheetCommands>().SaveCellsAsync(changes);
        var week = await creative.Get<ITimesheetQueries>().GetWeekAsync(LastWeek.AddDays(3));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Error));
        Assert.Equal(56, outcomes.Count(o => o.Saved?.EntryId is not null));
        Assert.NotNull(week);
        Assert.Equal(8, week.Rows.Count);
        Assert.Equal(changes.Sum(c => c.Hours!.Value), week.Total);
        Assert.Equal(8 * 0.25m, week.DayTotal(LastWeek));
        Assert.All(week.Rows, r => Assert.Equal("kick-off", r.Cells[0].Note));
        Assert.True(week.CanSubmit);
    }

    [Fact]
    public async Task SaveCells_TwoTabsOnOneCell_NeverSilentlyLoseAValue()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await CampaignAsync(tenant, "TABS");
        await using var tab1 = tenant.As(world, "creative");
        await using var tab2 = tenant.As(world, "creative");
        var day = LastWeek.AddDays(1);

        // Both tabs read the cell empty; the second saves first.
        await tab2.Get<ITimesheetCommands>().SaveCellsAsync([new CellChange(campaign, null, day, 2, null, null, null)]);
        var emptyRead = (await tab1.Get<ITimesheetCommands>().SaveCellsAsync([new CellChange(campaign, null, day, 3, null, null, null)])).Single();
        // Both read it at the same version; tab 2 saves 4 h, then tab 1 its 5 h on the old version.
        var read = (await tab1.Get<ITimesheetQueries>().GetWeekAsync(day))!.Rows.Single().Cells[1];
        await tab2.Get<ITimesheetCommands>().SaveCellsAsync([new CellChange(campaign, null, day, 4, null, read.EntryId, read.Version)]);
        var staleVersion = (await tab1.Get<ITimesheetCommands>().SaveCellsAsync([new CellChange(campaign, null, day, 5, null, read.EntryId, read.Version)])).Single();
        var clearStale = (await tab1.Get<ITimesheetCommands>().SaveCellsAsync([new CellChange(campaign, null, day, null, null, read.EntryId, read.Version)])).Single();
        var now = (await tab1.Get<ITimesheetQueries>().GetWeekAsync(day))!.Rows.Single().Cells[1];

        Assert.True(emptyRead.IsConflict);
        Assert.Equal(2m, emptyRead.Theirs!.Hours);
        Assert.True(staleVersion.IsConflict);
        Assert.Equal(4m, staleVersion.Theirs!.Hours);
        Assert.Contains("4:00", staleVersion.Error);
        Assert.True(clearStale.IsConflict);
        Assert.Equal(4m, now.Hours);
    }

    [Fact]
    public async Task SaveCells_ClearChangeAndAddInOneSave_AllLand_AndAStaleCellIsAConflictBesideThem()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await CampaignAsync(tenant, "SETS");
        await using var tab1 = tenant.As(world, "creative");
        await using var tab2 = tenant.As(world, "creative");
        await tab1.Get<ITimesheetCommands>().SaveCellsAsync(
            [.. Enumerable.Range(0, 3).Select(d => new CellChange(campaign, null, LastWeek.AddDays(d), d + 1, null, null, null))]);
        var read = (await tab1.Get<ITimesheetQueries>().GetWeekAsync(LastWeek))!.Rows.Single().Cells;
        await tab2.Get<ITimesheetCommands>().SaveCellsAsync([new CellChange(campaign, null, LastWeek.AddDays(1), 5, null, read[1].EntryId, read[1].Version)]);

        // One save: a cleared cell (a delete), a change (an update), a stale change, a new cell (an insert).
        var outcomes = await tab1.Get<ITimesheetCommands>().SaveCellsAsync(
        [
            new CellChange(campaign, null, LastWeek, null, null, read[0].EntryId, read[0].Version),
            new CellChange(campaign, null, LastWeek.AddDays(1), 4, null, read[1].EntryId, read[1].Version),
            new CellChange(campaign, null, LastWeek.AddDays(2), 6, "changed", read[2].EntryId, read[2].Version),
            new CellChange(campaign, null, LastWeek.AddDays(3), 2, null, null, null),
        ]);
        var now = (await tab1.Get<ITimesheetQueries>().GetWeekAsync(LastWeek))!.Rows.Single().Cells;

        Assert.True(outcomes[0].Succeeded);
        Assert.Null(outcomes[0].Saved!.EntryId);
        Assert.True(outcomes[1].IsConflict);
        Assert.Equal(5m, outcomes[1].Theirs!.Hours);
        Assert.Equal((6m, "changed", now[2].Version), (outcomes[2].Saved!.Hours, outcomes[2].Saved!.Note, outcomes[2].Saved!.Version));
        Assert.NotEqual(read[2].Version, now[2].Version);
        Assert.Equal(now[3].EntryId, outcomes[3].Saved!.EntryId);
        Assert.Equal(new decimal?[] { null, 5, 6, 2, null, null, null }, now.Select(c => c.Hours));
    }

    [Fact]
    public async Task SaveCells_TwoNewCellsThatTogetherPassTwentyFourHours_TheSecondIsRefused_TheFirstSaved()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var a = await CampaignAsync(tenant, "FULLA");
        var b = await CampaignAsync(tenant, "FULLB");
        await using var creative = tenant.As(world, "creative");
        var day = LastWeek.AddDays(4);

        var outcomes = await creative.Get<ITimesheetCommands>().SaveCellsAsync(
            [new CellChange(a, null, day, 14, null, null, null), new CellChange(b, null, day, 12, null, null, null)]);

        Assert.Equal(1, outcomes.Count(o => o.Succeeded));
        Assert.Contains("at most 24 h", Assert.Single(outcomes, o => !o.Succeeded).Error);
        Assert.Equal(outcomes.Single(o => o.Succeeded).Change.Hours, (await creative.Get<ITimesheetQueries>().GetWeekAsync(day))!.Total);
    }

    [Fact]
    public async Task ApproveMany_TwoWeeksInOneGo_AuditsOneRowPerPersonWeek_NamingItsEntries()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await CampaignAsync(tenant, "AUDIT");
        await using var creative = tenant.As(world, "creative");
        await using var pm = tenant.As(world, "pm");
        var me = tenant.People["creative"];
        var weeks = new[] { LastWeek, LastWeek.AddDays(-7) };
        foreach (var week in weeks)
        {
            await creative.Get<ITimesheetCommands>().SaveCellsAsync(
                [.. Enumerable.Range(0, 2).Select(d => new CellChange(campaign, null, week.AddDays(d), 3, null, null, null))]);
            await creative.Get<ITimesheetCommands>().SubmitWeekAsync(week);
        }

        var ownByCreative = await creative.Get<ITimesheetCommands>().ApproveManyAsync([.. weeks.Select(w => (me, w))]);
        var approved = await pm.Get<ITimesheetCommands>().ApproveManyAsync([.. weeks.Select(w => (me, w))]);
        await using var finance = await TestSession.BeginAsync(world.Database.App, tenant.Id, "finance", tenant.People["finance"]);
        var audit = await finance.QueryAsync(
            """
            select a.action, a.actor_id, a.new_values ->> 'week_start_date' as week, (a.new_values ->> 'entries')::int as entries,
                   (select count(*) from jsonb_array_elements_text(a.new_values -> 'ids') i
                    join agency.timesheet_entries t on t.id = i::uuid and t.status = 'approved' and t.week_start_date = (a.new_values ->> 'week_start_date')::date)::int as found
            from agency.audit_log a where a.entity = 'timesheet_entries' order by week
            """);

        Assert.False(ownByCreative.Succeeded);
        Assert.Equal(4, approved.Changed);
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal(("approve", tenant.People["pm"], 2, 2), ((string)a["action"]!, (Guid)a["actor_id"]!, (int)a["entries"]!, (int)a["found"]!)));
        Assert.Equal(weeks.Order().Select(w => w.ToString("yyyy-MM-dd")), audit.Select(a => (string)a["week"]!));
    }

    [Fact]
    public async Task SaveCells_OnACampaignNotBillableByDefault_NewCellsAreNot_AndEachEntryKeepsItsOwnToggle()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await CampaignAsync(tenant, "PITCH");
        await using (var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "pm", tenant.People["pm"]))
        {
            await s.ExecuteAsync("update agency.campaigns set billable_by_default = false where id = @c", ("c", campaign));
            await s.CommitAsync();
        }

        await using var creative = tenant.As(world, "creative");
        var commands = creative.Get<ITimesheetCommands>();
        await commands.SaveCellsAsync([.. Enumerable.Range(0, 2).Select(d => new CellChange(campaign, null, LastWeek.AddDays(d), 2, null, null, null))]);
        var read = (await creative.Get<ITimesheetQueries>().GetWeekAsync(LastWeek))!;
        var option = Assert.Single(await creative.Get<ITimesheetQueries>().SearchCampaignsAsync("PITCH"));
        var cells = read.Rows.Single().Cells;
        var toggled = (await commands.SaveCellsAsync([new CellChange(campaign, null, LastWeek, 2, null, cells[0].EntryId, cells[0].Version, true)])).Single();
        // A change of hours that says nothing of billable keeps the entry's own.
        await commands.SaveCellsAsync([new CellChange(campaign, null, LastWeek, 3, null, toggled.Saved!.EntryId, toggled.Saved.Version)]);
        var now = (await creative.Get<ITimesheetQueries>().GetWeekAsync(LastWeek))!.Rows.Single().Cells;

        Assert.False(option.BillableByDefault);
        Assert.All(cells.Take(2), c => Assert.False(c.Billable));
        Assert.False(read.Rows.Single().Billable);
        Assert.True(toggled.Saved.Billable);
        Assert.Equal((3m, true), (now[0].Hours, now[0].Billable));
        Assert.False(now[1].Billable);
    }

    [Fact]
    public async Task ActivityFeed_ShowsSubmitRejectAndUnlock_WithWhoTookEachStep()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await CampaignAsync(tenant, "FEED");
        await using var creative = tenant.As(world, "creative");
        await using var pm = tenant.As(world, "pm");
        await using var finance = tenant.As(world, "finance");
        var me = tenant.People["creative"];
        await creative.Get<ITimesheetCommands>().SaveCellsAsync([new CellChange(campaign, null, LastWeek, 4, null, null, null)]);
        await creative.Get<ITimesheetCommands>().SubmitWeekAsync(LastWeek);
        await pm.Get<ITimesheetCommands>().RejectAsync(me, LastWeek, "Wrong campaign code");
        await creative.Get<ITimesheetCommands>().SubmitWeekAsync(LastWeek);
        await pm.Get<ITimesheetCommands>().ApproveAsync(me, LastWeek);
        await finance.Get<ITimesheetCommands>().UnlockAsync(me, LastWeek, "Client asked for a split");

        async Task<List<(string, Guid?, string?)>> FeedAsync(string role)
        {
            await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, role, tenant.People[role]);
            return [.. (await s.QueryAsync("select activity_type, actor_id, detail from agency.get_recent_activity(20) where entity_type = 'timesheet'"))
                .Select(r => ((string)r["activity_type"]!, r["actor_id"] as Guid?, r["detail"] as string))];
        }

        var leadership = await FeedAsync("leadership");
        var account = await FeedAsync("account");

        Assert.Contains(("timesheet_submitted", (Guid?)me, "Submitted for approval"), leadership);
        Assert.Contains(("timesheet_rejected", (Guid?)tenant.People["pm"], "Rejected: Wrong campaign code"), leadership);
        Assert.Contains(("timesheet_unlocked", (Guid?)tenant.People["finance"], "Unlocked: Client asked for a split"), leadership);
        // Weeks are read by their person and those who read every week; an account manager reads none.
        Assert.Empty(account);
    }

    [Fact]
    public async Task TimeOff_BookedOverARange_ADraftAWorkingDay_AheadOfToday_RefusedPastADaysTwentyFourHours_Removable()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await CampaignAsync(tenant, "REST");
        await using var creative = tenant.As(world, "creative");
        var commands = creative.Get<ITimesheetCommands>();
        var nextWeek = LastWeek.AddDays(14);
        await commands.SaveCellsAsync([new CellChange(campaign, null, LastWeek.AddDays(2), 20, null, null, null)]);

        // Last week Monday to Sunday: five working days; the Wednesday already holds 20 h.
        var tooMuch = await commands.AddTimeOffAsync(new TimeOffRequest("holiday", LastWeek, LastWeek.AddDays(6), 8));
        var booked = await commands.AddTimeOffAsync(new TimeOffRequest("sick", LastWeek, LastWeek.AddDays(1), 4, "flu"));
        var ahead = await commands.AddTimeOffAsync(new TimeOffRequest("leave", nextWeek, nextWeek.AddDays(6), 7.5m, null, IncludeWeekends: true));
        var backwards = await commands.AddTimeOffAsync(new TimeOffRequest("holiday", LastWeek.AddDays(3), LastWeek, 8));
        var week = (await creative.Get<ITimesheetQueries>().GetWeekAsync(LastWeek))!;
        var removed = await commands.RemoveTimeOffAsync(week.TimeOff[0].Id);
        var after = (await creative.Get<ITimesheetQueries>().GetWeekAsync(LastWeek))!;

        Assert.Contains("at most 24 h", tooMuch.Error);
        Assert.Equal(2, booked.Changed);
        Assert.Equal(7, ahead.Changed);
        Assert.False(backwards.Succeeded);
        Assert.Equal(new[] { ("sick", 4m, "draft", "flu"), ("sick", 4m, "draft", "flu") },
            week.TimeOff.Select(t => (t.Kind, t.Hours, t.Status, t.Note!)));
        Assert.Equal(20m, week.DayTotal(LastWeek.AddDays(2))); // the refused booking left nothing behind
        Assert.True(removed.Succeeded);
        Assert.Single(after.TimeOff);
    }

    [Fact]
    public async Task SaveCells_ARefusedCell_SaysWhyNextToIt_AndTheOthersAreSaved()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var a = await CampaignAsync(tenant, "DAYA");
        var b = await CampaignAsync(tenant, "DAYB");
        await using var creative = tenant.As(world, "creative");
        var day = LastWeek.AddDays(2);

        var first = await creative.Get<ITimesheetCommands>().SaveCellsAsync([new CellChange(a, null, day, 20, null, null, null)]);
        var outcomes = await creative.Get<ITimesheetCommands>().SaveCellsAsync(
        [
            new CellChange(a, null, day.AddDays(3), 0.5m, null, null, null),
            new CellChange(b, null, day, 5, null, null, null),
            new CellChange(b, null, day.AddDays(1), 1.1m, null, null, null),
            new CellChange(b, null, day.AddDays(2), 3, null, null, null),
            new CellChange(b, null, DateOnly.FromDateTime(DateTime.Today).AddDays(1), 1, null, null, null),
        ]);

        Assert.True(first.Single().Succeeded);
        Assert.True(outcomes[0].Succeeded);
        Assert.Contains("at most 24 h", outcomes[1].Error);
        Assert.Contains("quarter hours", outcomes[2].Error);
        Assert.True(outcomes[3].Succeeded);
        Assert.Contains("after today", outcomes[4].Error);
        Assert.Equal(23.5m, (await creative.Get<ITimesheetQueries>().GetWeekAsync(day))!.Total);
    }

    [Fact]
    public async Task SubmitApproveLock_ThroughTheServices_AndASubmittedWeekRefusesEdits()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await CampaignAsync(tenant, "FLOW");
        await using var creative = tenant.As(world, "creative");
        await using var pm = tenant.As(world, "pm");
        await using var account = tenant.As(world, "account");
        var me = tenant.People["creative"];
        await creative.Get<ITimesheetCommands>().SaveCellsAsync(
            [.. Enumerable.Range(0, 5).Select(d => new CellChange(campaign, null, LastWeek.AddDays(d), 8, null, null, null))]);

        var submitted = await creative.Get<ITimesheetCommands>().SubmitWeekAsync(LastWeek);
        var cell = (await creative.Get<ITimesheetQueries>().GetWeekAsync(LastWeek))!.Rows.Single().Cells[0];
        var editSubmitted = (await creative.Get<ITimesheetCommands>().SaveCellsAsync(
            [new CellChange(campaign, null, LastWeek, 7, null, cell.EntryId, cell.Version)])).Single();
        var queue = await pm.Get<ITimesheetQueries>().ApprovalsAsync();
        var bell = await pm.Get<INotificationFeed>().GetAsync();
        var notForAccount = await account.Get<ITimesheetCommands>().ApproveAsync(me, LastWeek);
        var approved = await pm.Get<ITimesheetCommands>().ApproveAsync(me, LastWeek);
        var week = (await creative.Get<ITimesheetQueries>().GetWeekAsync(LastWeek))!;
        var editLocked = (await creative.Get<ITimesheetCommands>().SaveCellsAsync(
            [new CellChange(campaign, null, LastWeek.AddDays(5), 1, null, null, null)])).Single();

        Assert.Equal(5, submitted.Changed);
        Assert.Contains("cannot be changed", editSubmitted.Error);
        var waiting = Assert.Single(queue);
        Assert.Equal((me, LastWeek, "approve", 40m), (waiting.EmployeeId, waiting.WeekStart, waiting.Stage, waiting.Hours));
        Assert.Equal(1, bell.PendingApprovals);
        Assert.False(notForAccount.Succeeded);
        Assert.Equal(5, approved.Changed);
        Assert.True(week.State.Locked);
        Assert.False(week.CanSubmit);
        Assert.Contains("locked", editLocked.Error);
        Assert.Empty(await pm.Get<ITimesheetQueries>().ApprovalsAsync());
    }

    [Fact]
    public async Task Reject_NeedsAReason_ShowsIt_AndUnlockReopensALockedWeek()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await CampaignAsync(tenant, "REJ");
        await using var creative = tenant.As(world, "creative");
        await using var pm = tenant.As(world, "pm");
        await using var finance = tenant.As(world, "finance");
        var me = tenant.People["creative"];
        await creative.Get<ITimesheetCommands>().SaveCellsAsync([new CellChange(campaign, null, LastWeek, 6, null, null, null)]);
        await creative.Get<ITimesheetCommands>().SubmitWeekAsync(LastWeek);

        var noReason = await pm.Get<ITimesheetCommands>().RejectAsync(me, LastWeek, " ");
        var rejected = await pm.Get<ITimesheetCommands>().RejectAsync(me, LastWeek, "Log it on the shoot phase");
        var week = (await creative.Get<ITimesheetQueries>().GetWeekAsync(LastWeek))!;
        await creative.Get<ITimesheetCommands>().SubmitWeekAsync(LastWeek);
        await pm.Get<ITimesheetCommands>().ApproveAsync(me, LastWeek);
        var unlockByPm = await pm.Get<ITimesheetCommands>().UnlockAsync(me, LastWeek, "typo");
        var unlocked = await finance.Get<ITimesheetCommands>().UnlockAsync(me, LastWeek, "Client moved the shoot");
        var reopened = (await creative.Get<ITimesheetQueries>().GetWeekAsync(LastWeek))!;

        Assert.Equal("Say why the time is rejected.", noReason.Error);
        Assert.True(rejected.Succeeded);
        Assert.Equal(["Log it on the shoot phase"], week.Rejections);
        Assert.True(week.CanSubmit);
        Assert.False(unlockByPm.Succeeded);
        Assert.Equal(1, unlocked.Changed);
        Assert.False(reopened.State.Locked);
        Assert.Equal("Client moved the shoot", reopened.State.UnlockReason);
        Assert.True(reopened.Rows.Single().Cells[0].Editable);
    }

    [Fact]
    public async Task ReadsAndExport_ACreativeSeesOwnTimeOnly_FinanceSeesEveryone()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await CampaignAsync(tenant, "EXP", alsoOnTeam: "pm");
        await using var creative = tenant.As(world, "creative");
        await using var pm = tenant.As(world, "pm");
        await using var finance = tenant.As(world, "finance");
        await creative.Get<ITimesheetCommands>().SaveCellsAsync([new CellChange(campaign, null, LastWeek, 3, null, null, null)]);
        await pm.Get<ITimesheetCommands>().SaveCellsAsync([new CellChange(campaign, null, LastWeek, 2, null, null, null)]);
        var range = new TimesheetExportFilter(LastWeek, LastWeek.AddDays(6));

        var creativesExport = await creative.Get<ITimesheetQueries>().ExportAsync(range);
        var pmsWeekAsCreative = await creative.Get<ITimesheetQueries>().GetWeekAsync(LastWeek, tenant.People["pm"]);
        var financeExport = await finance.Get<ITimesheetQueries>().ExportAsync(range);
        var creativesTeam = await creative.Get<ITimesheetQueries>().TeamAsync();
        var pmsWeekAsFinance = await finance.Get<ITimesheetQueries>().GetWeekAsync(LastWeek, tenant.People["pm"]);

        Assert.Equal(["creative person"], creativesExport.Select(r => r.Person));
        Assert.Empty(pmsWeekAsCreative!.Rows);
        Assert.Equal(["creative person", "pm person"], financeExport.Select(r => r.Person).Order());
        Assert.Equal([tenant.People["creative"]], creativesTeam.Select(p => p.Id));
        Assert.Equal(2m, pmsWeekAsFinance!.Total);
        Assert.False(pmsWeekAsFinance.IsMine);
    }

    [Fact]
    public async Task SearchCampaigns_OffersOpenCampaignsOfTheTeamOrAllocations_ByNameOrCode()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var mine = await CampaignAsync(tenant, "MINE-1");
        await CampaignAsync(tenant, "CLOSED-1", status: "completed");
        var notMine = await CampaignAsync(tenant, "OTHER-1", member: "pm");
        await using var creative = tenant.As(world, "creative");

        var all = await creative.Get<ITimesheetQueries>().SearchCampaignsAsync(null);
        var byCode = await creative.Get<ITimesheetQueries>().SearchCampaignsAsync("mine");

        Assert.Equal([mine], all.Select(c => c.Id));
        Assert.Equal([mine], byCode.Select(c => c.Id));
        Assert.DoesNotContain(notMine, all.Select(c => c.Id));
    }

    [Fact]
    public async Task Timer_StartedStoppedThroughTheServices_LandsInTodaysCell()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await CampaignAsync(tenant, "TIMER");
        await using var creative = tenant.As(world, "creative");
        var today = DateOnly.FromDateTime(DateTime.Today);

        var started = await creative.Get<ITimesheetCommands>().StartTimerAsync(campaign, null);
        var again = await creative.Get<ITimesheetCommands>().StartTimerAsync(campaign, null);
        var running = (await creative.Get<ITimesheetQueries>().GetWeekAsync(today))!.Timer;
        await using (var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "creative", tenant.People["creative"]))
        {
            await s.ExecuteAsync("update agency.timesheet_timers set started_at = now() - interval '45 minutes'");
            await s.CommitAsync();
        }

        var stopped = await creative.Get<ITimesheetCommands>().StopTimerAsync();
        var week = (await creative.Get<ITimesheetQueries>().GetWeekAsync(today))!;

        Assert.True(started.Succeeded);
        Assert.Contains("already running", again.Error);
        Assert.Equal(campaign, running!.CampaignId);
        Assert.True(stopped.Succeeded);
        Assert.Null(week.Timer);
        Assert.Equal(0.75m, week.DayTotal(today));
    }

    [Fact]
    public async Task Reminders_GoOncePerWeek_ToThoseWhoseWeekIsNotSubmitted()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await CampaignAsync(tenant, "REMIND", alsoOnTeam: "pm");
        await using var creative = tenant.As(world, "creative");
        await using var pm = tenant.As(world, "pm");
        await creative.Get<ITimesheetCommands>().SaveCellsAsync([new CellChange(campaign, null, LastWeek, 3, null, null, null)]);
        await pm.Get<ITimesheetCommands>().SaveCellsAsync([new CellChange(campaign, null, LastWeek, 3, null, null, null)]);
        await pm.Get<ITimesheetCommands>().SubmitWeekAsync(LastWeek);
        var reminders = creative.Get<TimesheetReminders>();

        var first = await reminders.RunAsync(tenant.Id, LastWeek);
        var again = await reminders.RunAsync(tenant.Id, LastWeek);
        var creativeBell = await creative.Get<INotificationFeed>().GetAsync();
        var pmBell = await pm.Get<INotificationFeed>().GetAsync();

        // Everyone of the tenant but the pm, who submitted: five people, once.
        Assert.Equal(5, first);
        Assert.Equal(0, again);
        var reminder = Assert.Single(creativeBell.Alerts, a => a.Kind == "timesheet_reminder");
        Assert.Equal($"/timesheets?week={LastWeek:yyyy-MM-dd}", reminder.Href);
        Assert.DoesNotContain(pmBell.Alerts, a => a.Kind == "timesheet_reminder");
    }

    /// <summary>An open campaign of the scratch tenant over the last two months, its project manager
    /// the tenant's pm and <paramref name="member"/> (the creative) on its team.</summary>
    private async Task<Guid> CampaignAsync(ScratchTenant tenant, string code, string status = "active", string member = "creative", string? alsoOnTeam = null)
    {
        var id = Guid.NewGuid();
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "pm", tenant.People["pm"]);
        await s.ExecuteAsync(
            """
            insert into agency.campaigns (id, client_id, code, name, status, start_date, end_date)
            values (@id, @client, @code, @name, @status, current_date - 60, current_date + 30)
            """,
            ("id", id), ("client", tenant.ClientId), ("code", code), ("name", $"Campaign {code}"), ("status", status));
        await s.ExecuteAsync("insert into agency.campaign_team (campaign_id, employee_id, team_role) values (@c, @pm, 'project_manager')",
            ("c", id), ("pm", tenant.People["pm"]));
        foreach (var role in new[] { member, alsoOnTeam }.OfType<string>().Where(r => r != "pm"))
        {
            await s.ExecuteAsync("insert into agency.campaign_team (campaign_id, employee_id, team_role) values (@c, @p, 'designer')",
                ("c", id), ("p", tenant.People[role]));
        }

        await s.CommitAsync();
        return id;
    }
}
