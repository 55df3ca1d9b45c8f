using AgencyWorkroom.Data.Features.Knowledge;

namespace AgencyWorkroom.Tests.Data.DemoData;

/// <summary>What a finance lead would check in the seeded data, as SQL over each demo agency.</summary>
[Collection(DemoDataCollection.Name)]
public sealed class DemoDataConsistencyTests(DemoSeedFixture fixture)
{
    public static TheoryData<string> Tenants => new() { "northwind", "bluebird" };

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task TimesheetEntries_FallInsideTheirCampaignAndPhaseDates(string slug)
    {
        var outside = await CountAsync(slug,
            """
            select count(*) from agency.timesheet_entries t
            join agency.campaigns c on c.tenant_id = t.tenant_id and c.id = t.campaign_id
            join agency.campaign_phases p on p.tenant_id = t.tenant_id and p.id = t.phase_id
            where t.tenant_id = @tenant
              and (t.entry_date not between c.start_date and c.end_date
                   or t.entry_date not between p.start_date and p.end_date
                   or t.entry_date > @today)
            """);

        Assert.Equal(0, outside);
    }

    [Fact]
    public async Task CampaignSummaries_AfterTheBulkLoad_EqualARecount()
    {
        // The loader's COPY fires the statement triggers with every entry of a tenant at once.
        await using var s = await fixture.MaintenanceSessionAsync();

        Assert.True(await s.ScalarAsync<long>("select count(*) from agency.campaign_week_hours") > 1000);
        Assert.Equal(0L, await s.ScalarAsync<long>(Schema.TimeSummaryTests.Drift));
    }

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task TimesheetEntries_MostlyOnWorkingDays(string slug)
    {
        await using var s = await fixture.MaintenanceSessionAsync();

        var weekendShare = await s.ScalarAsync<decimal>(
            "select avg((extract(isodow from entry_date) >= 6)::int) from agency.timesheet_entries where tenant_id = @tenant",
            ("tenant", DemoSeedFixture.Profile(slug).TenantId));

        Assert.InRange(weekendShare, 0.0001m, 0.03m);
    }

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task TimesheetEntries_NobodyLogsMoreThanTwelveHoursADay(string slug)
    {
        await using var s = await fixture.MaintenanceSessionAsync();

        var longestDay = await s.ScalarAsync<decimal>(
            """
            select max(day_hours) from (
              select sum(hours) as day_hours from agency.timesheet_entries
              where tenant_id = @tenant group by employee_id, entry_date) d
            """, ("tenant", DemoSeedFixture.Profile(slug).TenantId));

        Assert.InRange(longestDay, 6m, 12m);
    }

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task TimesheetsAndAllocations_NoneInAPersonsHolidayWeeks(string slug)
    {
        var holidays = fixture.Generated(slug).HolidayWeeks;
        await using var s = await fixture.MaintenanceSessionAsync();
        (string, object?)[] parameters =
        [
            ("tenant", DemoSeedFixture.Profile(slug).TenantId),
            ("people", holidays.Select(h => h.EmployeeId).ToArray()),
            ("weeks", holidays.Select(h => h.WeekStartDate).ToArray()),
        ];

        var known = await s.ScalarAsync<long>(
            "select count(*) from agency.employees e where e.tenant_id = @tenant and e.id = any(@people)", parameters);
        var onHoliday = await s.ScalarAsync<long>(
            """
            select (select count(*) from agency.timesheet_entries t
                    join unnest(@people, @weeks) h (employee_id, week_start_date)
                      on h.employee_id = t.employee_id and h.week_start_date = t.week_start_date
                    where t.tenant_id = @tenant)
                 + (select count(*) from agency.team_allocations a
                    join unnest(@people, @weeks) h (employee_id, week_start_date)
                      on h.employee_id = a.employee_id and h.week_start_date = a.week_start_date
                    where a.tenant_id = @tenant)
            """, parameters);

        Assert.Equal(await CountAsync(slug, "select count(*) from agency.employees where tenant_id = @tenant"), known);
        Assert.All(holidays.GroupBy(h => h.EmployeeId), person => Assert.InRange(person.Count(), 2, 3));
        Assert.Equal(0, onHoliday);
    }

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task Utilization_OfDeliveryStaffAveragesSixtyToNinetyPercentOverPastWeeks(string slug)
    {
        var holidays = fixture.Generated(slug).HolidayWeeks;
        await using var s = await fixture.MaintenanceSessionAsync();

        // Every full week a person was here, up to last week, holidays left out; a week with no time counts as zero.
        var utilization = await s.ScalarAsync<decimal>(
            """
            with people as (
              select e.id, e.weekly_capacity_hours,
                     greatest(@history_start, e.start_date + (8 - extract(isodow from e.start_date)::int) % 7) as first_week
              from agency.employees e
              where e.tenant_id = @tenant and e.agency_role in ('pm', 'account', 'creative')),
            weeks as (
              select p.id, p.weekly_capacity_hours, w::date as week_start_date
              from people p cross join generate_series(p.first_week, @last_week, interval '7 days') w),
            logged as (
              select employee_id, week_start_date, sum(hours) as hours
              from agency.timesheet_entries where tenant_id = @tenant group by employee_id, week_start_date)
            select avg(coalesce(l.hours, 0) / w.weekly_capacity_hours)
            from weeks w
            left join logged l on l.employee_id = w.id and l.week_start_date = w.week_start_date
            where (w.id, w.week_start_date) not in (select * from unnest(@people, @weeks))
            """,
            ("tenant", DemoSeedFixture.Profile(slug).TenantId), ("history_start", fixture.Calendar.HistoryStart),
            ("last_week", fixture.Calendar.LastWeek),
            ("people", holidays.Select(h => h.EmployeeId).ToArray()), ("weeks", holidays.Select(h => h.WeekStartDate).ToArray()));

        Assert.InRange(utilization, 0.6m, 0.9m);
    }

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task TimesheetStatuses_FollowTheWeek_ApprovedByAProjectManager(string slug)
    {
        var misfiled = await CountAsync(slug,
            """
            select count(*) from agency.timesheet_entries t
            left join agency.employees a on a.tenant_id = t.tenant_id and a.id = t.approved_by
            where t.tenant_id = @tenant and not (
              (t.week_start_date < @last_week and t.status = 'approved' and t.approved_at > t.submitted_at
               and a.agency_role = 'pm' and a.id <> t.employee_id)
              or (t.week_start_date = @last_week and t.status = 'submitted' and t.submitted_at is not null and t.approved_by is null)
              or (t.week_start_date = @this_week and t.status = 'draft' and t.submitted_at is null))
            """);

        Assert.Equal(0, misfiled);
    }

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task Campaigns_StatusesFitTheirDates(string slug)
    {
        var misfits = await RowsAsync(slug,
            """
            select code, status from agency.campaigns
            where tenant_id = @tenant and not (
              (status in ('completed', 'cancelled') and end_date < @today)
              or (status = 'planning' and start_date > @today)
              or (status in ('active', 'on_hold') and @today between start_date and end_date))
            """);
        var statuses = (await RowsAsync(slug, "select distinct status from agency.campaigns where tenant_id = @tenant"))
            .Select(r => (string)r["status"]!).ToList();

        Assert.Empty(misfits);
        Assert.Contains("completed", statuses);
        Assert.Contains("active", statuses);
        Assert.Contains("planning", statuses);
        Assert.True(statuses.Contains("on_hold") || statuses.Contains("cancelled"));
    }

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task Campaigns_HistorySpansEighteenMonths(string slug)
    {
        var rows = await RowsAsync(slug,
            "select min(start_date) as first_start, max(end_date) as last_end from agency.campaigns where tenant_id = @tenant");

        Assert.InRange(((DateOnly)rows[0]["first_start"]!).DayNumber - fixture.Calendar.HistoryStart.DayNumber, 0, 6);
        Assert.True((DateOnly)rows[0]["last_end"]! > fixture.Calendar.Today);
    }

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task Campaigns_EachHasATeamWithAccountDirectorProjectManagerCreativeDirectorAndTwoToFiveMore(string slug)
    {
        var understaffed = await RowsAsync(slug,
            """
            select c.code from agency.campaigns c
            left join agency.campaign_team t on t.tenant_id = c.tenant_id and t.campaign_id = c.id
            where c.tenant_id = @tenant
            group by c.code
            having count(*) filter (where t.team_role = 'account_director') <> 1
                or count(*) filter (where t.team_role = 'project_manager') <> 1
                or count(*) filter (where t.team_role = 'creative_director') <> 1
                or count(*) filter (where t.team_role not in ('account_director', 'project_manager', 'creative_director')) not between 2 and 5
            """);

        Assert.Empty(understaffed);
    }

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task Campaigns_FourPhasesCoverTheirDatesAndStayWithinBudget(string slug)
    {
        var broken = await RowsAsync(slug,
            """
            select c.code from agency.campaigns c
            join agency.campaign_phases p on p.tenant_id = c.tenant_id and p.campaign_id = c.id
            where c.tenant_id = @tenant
            group by c.code, c.start_date, c.end_date, c.budget_amount
            having count(*) <> 4 or min(p.start_date) <> c.start_date or max(p.end_date) <> c.end_date
                or sum(p.budget_amount) > c.budget_amount or sum(p.end_date - p.start_date + 1) <> c.end_date - c.start_date + 1
            """);

        Assert.Empty(broken);
    }

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task Artifacts_EachHasItsVersionsAndTheLatestIsTheCurrentOne(string slug)
    {
        var broken = await CountAsync(slug,
            """
            select count(*) from (
              select a.id from agency.artifacts a
              left join agency.artifact_versions v on v.tenant_id = a.tenant_id and v.artifact_id = a.id
              where a.tenant_id = @tenant
              group by a.id, a.current_version, a.title, a.content
              having count(v.id) = 0 or count(v.id) <> a.current_version or max(v.version_number) <> a.current_version
                  or not bool_or(v.version_number = a.current_version and v.content = a.content and v.title = a.title)) b
            """);

        Assert.Equal(0, broken);
    }

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task Budgets_AsLeadership_MostFinishUnderButSomeAreOverOrAtRisk(string slug)
    {
        await using var s = await fixture.AppSessionAsync(slug, "leadership");

        var rows = await s.QueryAsync(
            """
            select count(*) as campaigns,
                   count(*) filter (where spend > budget_amount) as over_budget,
                   count(*) filter (where health = 'at_risk') as at_risk,
                   avg((spend <= budget_amount)::int) filter (where status = 'completed') as completed_within_budget
            from agency.v_campaign_overview
            """);

        Assert.Equal(150L, rows[0]["campaigns"]);
        Assert.InRange((long)rows[0]["over_budget"]!, 3, 25);
        Assert.InRange((long)rows[0]["at_risk"]!, 2, 15);
        Assert.InRange((decimal)rows[0]["completed_within_budget"]!, 0.8m, 0.99m);
    }

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task Integration_CampaignsHaveQuotesExpensesAndEquipmentTheAppCanSee(string slug)
    {
        await using var s = await fixture.AppSessionAsync(slug, "finance");

        var linked = await s.QueryAsync(
            """
            select (select count(*) from agency.campaigns c
                    join procure.project_quotes q on q.tenant_id = c.tenant_id and q.id = c.procure_quote_id) as quoted,
                   (select count(distinct agency_campaign_id) from te.expense_lines) as with_expenses,
                   (select count(distinct agency_campaign_id) from gear.checkouts) as with_equipment
            """);
        var expenses = await s.QueryAsync(
            """
            select e.* from agency.get_campaign_expenses(
              (select min(agency_campaign_id::text)::uuid from te.expense_lines
               where agency_campaign_id is not null and status <> 'rejected')) e
            """);

        Assert.True((long)linked[0]["quoted"]! >= 30);
        Assert.True((long)linked[0]["with_expenses"]! >= 100);
        Assert.True((long)linked[0]["with_equipment"]! >= 20);
        Assert.NotEmpty(expenses);
        Assert.All(expenses, e => Assert.NotNull(e["total_amount"]));
    }

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task Allocations_CoverTheNextTwelveWeeksOnRunningCampaigns(string slug)
    {
        var rows = await RowsAsync(slug,
            """
            select count(distinct a.week_start_date) as weeks, min(a.week_start_date) as first_week,
                   count(*) filter (where c.status not in ('active', 'planning') or c.start_date > a.week_start_date + 4
                                    or c.end_date < a.week_start_date) as misplaced
            from agency.team_allocations a
            join agency.campaigns c on c.tenant_id = a.tenant_id and c.id = a.campaign_id
            where a.tenant_id = @tenant
            """);

        Assert.Equal(12L, rows[0]["weeks"]);
        Assert.Equal(fixture.Calendar.ThisWeek, (DateOnly)rows[0]["first_week"]!);
        Assert.Equal(0L, rows[0]["misplaced"]);
    }

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task Rates_CardsAndPeopleHaveTwoPeriods(string slug)
    {
        var rows = await RowsAsync(slug,
            """
            select (select count(distinct effective_from) from agency.rate_cards where tenant_id = @tenant) as card_periods,
                   (select count(*) from agency.employees e where e.tenant_id = @tenant
                      and (select count(*) from agency.employee_rates r where r.tenant_id = e.tenant_id and r.employee_id = e.id) = 2)
                     as people_with_history,
                   (select count(*) from agency.timesheet_entries t where t.tenant_id = @tenant and not exists (
                      select 1 from agency.employee_rates r where r.tenant_id = t.tenant_id and r.employee_id = t.employee_id
                        and r.effective_from <= t.entry_date and (r.effective_to is null or r.effective_to > t.entry_date)))
                     as entries_without_rate
            """);

        Assert.Equal(2L, rows[0]["card_periods"]);
        Assert.True((long)rows[0]["people_with_history"]! >= 40);
        Assert.Equal(0L, rows[0]["entries_without_rate"]);
    }

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task DemoPeople_OnePerRoleWithTheDemoEmail(string slug)
    {
        await using var s = await fixture.MaintenanceSessionAsync();
        var tenant = DemoSeedFixture.Profile(slug).TenantId;

        var people = await s.QueryAsync(
            "select id, email, agency_role from agency.employees where tenant_id = @tenant and email like '%@' || @slug || '.demo' and email not like '%.%@%'",
            ("tenant", tenant), ("slug", slug));

        string[] roles = ["finance", "leadership", "pm", "admin", "account", "creative"];
        Assert.Equal(roles.Order(), people.Select(p => (string)p["agency_role"]!).Order());
        Assert.All(people, p => Assert.Equal($"{p["agency_role"]}@{slug}.demo", p["email"]));
        Assert.Equal(
            people.Select(p => (tenant, (Guid)p["id"]!, (string)p["email"]!, (string)p["agency_role"]!)).Order(),
            fixture.Summary(slug).DemoPeople.Select(p => (p.TenantId, p.EmployeeId, p.Email, p.Role)).Order());
    }

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task Knowledge_EveryDocumentIsChunkedIntoUnitVectors(string slug)
    {
        var rows = await RowsAsync(slug,
            """
            select (select count(*) from agency.knowledge_documents d where d.tenant_id = @tenant and not exists (
                      select 1 from agency.knowledge_chunks c where c.tenant_id = d.tenant_id and c.document_id = d.id)) as unchunked,
                   (select count(*) from (
                      select document_id from agency.knowledge_chunks where tenant_id = @tenant and document_id is not null
                      group by document_id having max(chunk_index) <> count(*) - 1) gaps) as gapped,
                   (select min(vector_dims(embedding)) from agency.knowledge_chunks where tenant_id = @tenant) as min_dims,
                   (select max(vector_dims(embedding)) from agency.knowledge_chunks where tenant_id = @tenant) as max_dims,
                   (select max(abs(vector_norm(embedding) - 1)) from agency.knowledge_chunks where tenant_id = @tenant) as norm_error,
                   (select count(distinct doc_type) from agency.knowledge_documents where tenant_id = @tenant) as doc_types
            """);

        Assert.Equal(0L, rows[0]["unchunked"]);
        Assert.Equal(0L, rows[0]["gapped"]);
        Assert.Equal(384, rows[0]["min_dims"]);
        Assert.Equal(384, rows[0]["max_dims"]);
        Assert.True((double)rows[0]["norm_error"]! < 1e-3);
        Assert.Equal(7L, rows[0]["doc_types"]);
    }

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task Knowledge_EveryArtifactIsIndexedAsTheIngestionServiceWouldIndexIt(string slug)
    {
        var pipeline = new KnowledgePipeline(fixture.Embeddings);
        var expected = fixture.Generated(slug).Artifacts
            .ToDictionary(a => a.Id, a => pipeline.ChunkArtifact(a.Title, a.Content).Select(c => c.Content).ToList());

        var stored = (await RowsAsync(slug,
                "select artifact_id, content from agency.knowledge_chunks where tenant_id = @tenant and artifact_id is not null order by artifact_id, chunk_index"))
            .GroupBy(r => (Guid)r["artifact_id"]!)
            .ToDictionary(g => g.Key, g => g.Select(r => (string)r["content"]!).ToList());

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Keys.Order(), stored.Keys.Order());
        Assert.All(expected, artifact => Assert.Equal(artifact.Value, stored[artifact.Key]));
    }

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task SearchPassages_ABriefsOwnWords_FindTheBriefForItsTeam_AndNeverForACreativeOutsideIt(string slug)
    {
        var creative = fixture.Summary(slug).DemoPeople.Single(p => p.Role == "creative").EmployeeId;
        var generated = fixture.Generated(slug);
        var teamsOfTheCreative = generated.TeamMembers.Where(m => m.EmployeeId == creative).Select(m => m.CampaignId).ToHashSet();
        var outside = generated.Artifacts.First(a => a.ArtifactType == "brief" && a.OwnerId != creative && !teamsOfTheCreative.Contains(a.CampaignId));
        var query = (await fixture.Embeddings.GenerateAsync([$"{outside.Title}: {outside.Content[..Math.Min(400, outside.Content.Length)]}"]))[0].Vector.ToArray();
        const string Search = "select artifact_id from agency.search_passages(@q, 0.0, 5, '{}')";

        await using (var leadership = await fixture.AppSessionAsync(slug, "leadership"))
        {
            var hits = await leadership.QueryAsync(Search, ("q", new Pgvector.Vector(query)));
            Assert.Equal(outside.Id, hits[0]["artifact_id"]);
        }

        await using var s = await fixture.AppSessionAsync(slug, "creative");
        var creativeHits = await s.QueryAsync(Search, ("q", new Pgvector.Vector(query)));
        Assert.Equal(5, creativeHits.Count);
        Assert.DoesNotContain(outside.Id, creativeHits.Select(h => h["artifact_id"]));
    }

    [Theory]
    [InlineData("northwind", "When do timesheets have to be submitted?", "Timesheet policy")]
    [InlineData("bluebird", "How much does equipment cost a campaign per day?", "Equipment checkout")]
    [InlineData("northwind", "Which budget thresholds trigger an alert?", "Budget alerts and thresholds")]
    public async Task SearchKnowledge_AsACreative_FindsThePolicyThatAnswers(string slug, string question, string title)
    {
        var query = (await fixture.Embeddings.GenerateAsync([question]))[0].Vector.ToArray();
        await using var s = await fixture.AppSessionAsync(slug, "creative");

        var hits = await s.QueryAsync("select document_title from agency.search_knowledge(@q, 0.0, 3, '{}')", ("q", new Pgvector.Vector(query)));

        Assert.Contains(title, hits.Select(h => (string)h["document_title"]!));
    }

    [Fact]
    public async Task SearchKnowledge_BrandColourQuestion_FindsThatBrandsGuidelines()
    {
        var brand = fixture.Generated("northwind").KnowledgeDocuments.First(d => d.DocType == "brand_guidelines").Title.Replace(" brand guidelines", "");
        var query = (await fixture.Embeddings.GenerateAsync([$"What colours and fonts does {brand} use?"]))[0].Vector.ToArray();
        await using var s = await fixture.AppSessionAsync("northwind", "creative");

        var hits = await s.QueryAsync("select document_title, doc_type from agency.search_knowledge(@q, 0.0, 3, '{}')", ("q", new Pgvector.Vector(query)));

        Assert.Equal("brand_guidelines", hits[0]["doc_type"]);
        Assert.Contains($"{brand} brand guidelines", hits.Select(h => (string)h["document_title"]!));
    }

    private (string, object?)[] Today(string slug) =>
    [
        ("tenant", DemoSeedFixture.Profile(slug).TenantId), ("today", fixture.Calendar.Today),
        ("this_week", fixture.Calendar.ThisWeek), ("last_week", fixture.Calendar.LastWeek),
    ];

    private async Task<long> CountAsync(string slug, string sql)
    {
        await using var s = await fixture.MaintenanceSessionAsync();
        return await s.ScalarAsync<long>(sql, Today(slug));
    }

    private async Task<List<Dictionary<string, object?>>> RowsAsync(string slug, string sql)
    {
        await using var s = await fixture.MaintenanceSessionAsync();
        return await s.QueryAsync(sql, Today(slug));
    }
}
