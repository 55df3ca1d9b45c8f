using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Schema;

/// <summary>The dashboard feed's approved weeks (012): the newest first, each with all its hours.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class RecentActivityTests(TwoTenantWorld world)
{
    [Fact]
    public async Task RecentActivity_ApprovedWeeks_AreTheNewestWithTheirWholeHours()
    {
        // Approved history, loaded as the owner: the entry rules (021) bind the app's role.
        await using var s = await TestSession.BeginAsync(world.Database.Owner, world.A.Id, "pm", world.A.People["pm"]);
        // Three weeks of the creative's time, approved a day apart, the oldest week last: the
        // feed orders by approval, not by week. Each week has five entries of 2 h.
        await s.ExecuteAsync(
            """
            insert into agency.timesheet_entries (employee_id, campaign_id, entry_date, hours, status, approved_by, approved_at)
            select @person, @campaign, w.monday + d, 2, 'approved', @pm, now() - interval '1 day' * w.n
            from (values ('2024-03-04'::date, 2), ('2024-03-11'::date, 1), ('2024-02-26'::date, 0)) w (monday, n)
            cross join generate_series(0, 4) d
            """,
            ("person", world.A.People["creative"]), ("campaign", world.A.Rows["agency.campaigns"]), ("pm", world.A.People["pm"]));

        var newestTwo = await s.QueryAsync("select week_start_date, hours from agency.recent_timesheet_approvals(2)");
        var inTheFeed = await s.QueryAsync(
            "select title, detail from agency.get_recent_activity(20) where activity_type = 'timesheet_approved' order by occurred_at desc");

        Assert.Equal([new DateOnly(2024, 2, 26), new DateOnly(2024, 3, 11)], newestTwo.Select(a => (DateOnly)a["week_start_date"]!));
        Assert.All(newestTwo, a => Assert.Equal(10m, a["hours"]));
        Assert.Equal(["Week of 2024-02-26", "Week of 2024-03-11", "Week of 2024-03-04"], inTheFeed.Select(a => (string)a["title"]!));
        Assert.All(inTheFeed, a => Assert.Equal("10.00 h approved", a["detail"]));
    }

    [Fact]
    public async Task RecentApprovals_OfTheSameMoment_ComeInTheSameOrderEveryTime()
    {
        // Approved history, loaded as the owner: the entry rules (021) bind the app's role.
        await using var s = await TestSession.BeginAsync(world.Database.Owner, world.A.Id, "pm", world.A.People["pm"]);
        // Three weeks approved in one go, inserted latest week first.
        await s.ExecuteAsync(
            """
            insert into agency.timesheet_entries (employee_id, campaign_id, entry_date, hours, status, approved_by, approved_at)
            select @person, @campaign, monday, 3, 'approved', @pm, '2030-01-01 12:00+00'
            from unnest(array['2024-06-17', '2024-06-03', '2024-06-10']::date[]) monday
            """,
            ("person", world.A.People["creative"]), ("campaign", world.A.Rows["agency.campaigns"]), ("pm", world.A.People["pm"]));

        var weeks = await s.QueryAsync("select week_start_date from agency.recent_timesheet_approvals(3)");

        Assert.Equal([new DateOnly(2024, 6, 3), new DateOnly(2024, 6, 10), new DateOnly(2024, 6, 17)],
            weeks.Select(w => (DateOnly)w["week_start_date"]!));
    }

    [Fact]
    public async Task RecentActivity_ForOnePerson_ShowsOnlyTheirApprovals()
    {
        // Approved history, loaded as the owner: the entry rules (021) bind the app's role.
        await using var s = await TestSession.BeginAsync(world.Database.Owner, world.A.Id, "pm", world.A.People["pm"]);
        await s.ExecuteAsync(
            """
            insert into agency.timesheet_entries (employee_id, campaign_id, entry_date, hours, status, approved_by, approved_at)
            values (@person, @campaign, '2024-05-06', 3, 'approved', @finance, now()),
                   (@person, @campaign, '2024-05-13', 4, 'approved', @pm, now() - interval '1 hour')
            """,
            ("person", world.A.People["creative"]), ("campaign", world.A.Rows["agency.campaigns"]),
            ("pm", world.A.People["pm"]), ("finance", world.A.People["finance"]));

        var mine = await s.QueryAsync(
            "select title from agency.get_recent_activity(5, @pm) where activity_type = 'timesheet_approved'", ("pm", world.A.People["pm"]));

        Assert.Equal(["Week of 2024-05-13"], mine.Select(a => (string)a["title"]!));
    }
}
