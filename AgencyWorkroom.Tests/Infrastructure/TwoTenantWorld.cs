using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Identity;
using Pgvector;

namespace AgencyWorkroom.Tests.Infrastructure;

/// <summary>
/// Two tenants with one row in every table, seeded once for the database tests. Each tenant
/// has a person in every agency role; rows are written under the context of a role allowed
/// to write them, exactly as the app would. Fresh ids each run, so runs never collide.
/// </summary>
public sealed class TwoTenantWorld : IAsyncLifetime
{
    /// <summary>The rate every seeded person bills and costs at, per hour.</summary>
    public const decimal BillRate = 150m;
    public const decimal CostRate = 60m;
    /// <summary>The creative's one billable entry, dated today.</summary>
    public const decimal LoggedHours = 8m;
    public const decimal ExpenseAmount = 250m;
    /// <summary>Every seeded person can sign in with their email and this password.</summary>
    public const string Password = "Test-password-1";

    public TestDatabase Database { get; } = new();

    public SeededTenant A { get; private set; } = null!;

    public SeededTenant B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        A = await SeedTenantAsync("a");
        B = await SeedTenantAsync("b");
    }

    public Task DisposeAsync() => Database.DisposeAsync();

    /// <summary>A session as the given tenant's person in that role.</summary>
    public Task<TestSession> AppSessionAsync(SeededTenant tenant, string role) =>
        TestSession.BeginAsync(Database.App, tenant.Id, role, tenant.Person(role));

    /// <summary>A unit vector along one axis: cosine similarity 1 with itself, 0 with the others.</summary>
    public static Vector Axis(int axis, float lean = 0f, int towards = 1)
    {
        var values = new float[384];
        values[axis] = 1f;
        values[towards] += lean;
        return new Vector(values);
    }

    private async Task<SeededTenant> SeedTenantAsync(string label)
    {
        var tenant = new SeededTenant(Guid.NewGuid(), AgencyRoles.All.ToDictionary(r => r, _ => Guid.NewGuid()));
        var suffix = tenant.Id.ToString("N")[..8].ToUpperInvariant();
        var ids = tenant.Rows;
        Guid Id(string table) => ids[table] = Guid.NewGuid();

        await using var s = await TestSession.BeginWithoutContextAsync(Database.Owner);

        async Task As(string role) => await s.SetContextAsync(tenant.Id, role, tenant.People[role]);
        Task Insert(string sql, params (string, object?)[] p) => s.ExecuteAsync(sql, p);

        await As("admin");
        ids["agency.tenants"] = tenant.Id;
        await Insert("insert into agency.tenants (id, slug, name) values (@id, @slug, @name)",
            ("id", tenant.Id), ("slug", $"test-{label}-{suffix.ToLowerInvariant()}"), ("name", $"Tenant {label.ToUpperInvariant()}"));
        foreach (var role in AgencyRoles.All)
        {
            await Insert(
                "insert into agency.employees (id, full_name, email, title, agency_role) values (@id, @name, @email, @title, @role)",
                ("id", tenant.People[role]), ("name", $"{role} person"), ("email", tenant.Email(role)),
                ("title", role), ("role", role));
        }

        ids["agency.employees"] = tenant.People["creative"];
        await SignInAccounts.UpsertAsync(s.Connection, s.Transaction,
            AgencyRoles.All.Select(role => (tenant.Id, tenant.People[role], tenant.Email(role))), Password);

        await As("account");
        await Insert("insert into agency.clients (id, code, name, sector, account_lead_id) values (@id, @code, 'Acme Foods', 'Food', @lead)",
            ("id", Id("agency.clients")), ("code", $"CL-{suffix}"), ("lead", tenant.People["account"]));
        await Insert("insert into agency.brands (id, client_id, code, name) values (@id, @client, @code, 'Crunchy')",
            ("id", Id("agency.brands")), ("client", ids["agency.clients"]), ("code", $"BR-{suffix}"));
        await Insert(
            """
            insert into agency.campaigns (id, client_id, brand_id, code, name, status, budget_amount, start_date, end_date)
            values (@id, @client, @brand, @code, 'Spring launch', 'active', 50000, current_date - 30, current_date + 60)
            """,
            ("id", Id("agency.campaigns")), ("client", ids["agency.clients"]), ("brand", ids["agency.brands"]), ("code", tenant.CampaignCode));
        await Insert(
            """
            insert into agency.campaign_phases (id, campaign_id, phase_type, name, sort_order, start_date, end_date, budget_amount)
            values (@id, @campaign, 'creative', 'Creative', 2, current_date - 30, current_date + 30, 20000)
            """,
            ("id", Id("agency.campaign_phases")), ("campaign", ids["agency.campaigns"]));
        await Insert("insert into agency.campaign_team (id, campaign_id, employee_id, team_role) values (@id, @campaign, @person, 'designer')",
            ("id", Id("agency.campaign_team")), ("campaign", ids["agency.campaigns"]), ("person", tenant.People["creative"]));

        await As("finance");
        // Rates from 2020 price days before today: a correction, which needs a reason (022).
        await Insert("select set_config('app.audit_reason', 'Test fixture', true)");
        await Insert(
            "insert into agency.rate_cards (id, role_name, bill_rate, cost_rate, effective_from) values (@id, 'Designer', @bill, @cost, '2020-01-01')",
            ("id", Id("agency.rate_cards")), ("bill", BillRate), ("cost", CostRate));
        foreach (var role in AgencyRoles.All)
        {
            var rateId = Guid.NewGuid();
            if (role == "creative")
            {
                ids["agency.employee_rates"] = rateId;
            }

            await Insert(
                """
                insert into agency.employee_rates (id, employee_id, rate_card_id, bill_rate, cost_rate, effective_from)
                values (@id, @person, @card, @bill, @cost, '2020-01-01')
                """,
                ("id", rateId), ("person", tenant.People[role]), ("card", ids["agency.rate_cards"]), ("bill", BillRate), ("cost", CostRate));
        }

        // Overrides that price nothing: the campaign's starts next year, the client's is for a role nobody has.
        await Insert(
            "insert into agency.campaign_rate_overrides (id, campaign_id, bill_rate, effective_from) values (@id, @campaign, @bill, current_date + 366)",
            ("id", Id("agency.campaign_rate_overrides")), ("campaign", ids["agency.campaigns"]), ("bill", BillRate));
        await Insert(
            "insert into agency.client_rate_overrides (id, client_id, role_name, bill_rate, effective_from) values (@id, @client, 'Nobody', @bill, '2020-01-01')",
            ("id", Id("agency.client_rate_overrides")), ("client", ids["agency.clients"]), ("bill", BillRate));
        await Insert("select set_config('app.audit_reason', '', true)");
        await Insert(
            "insert into procure.project_quotes (id, quote_number, vendor_name, amount, status) values (@id, @number, 'Print Co', 1000, 'draft')",
            ("id", Id("procure.project_quotes")), ("number", $"Q-{suffix}"));
        await Insert("insert into finance_ppm.projects (id, project_code, name, agency_campaign_id) values (@id, @code, 'PPM', @campaign)",
            ("id", Id("finance_ppm.projects")), ("code", $"P-{suffix}"), ("campaign", ids["agency.campaigns"]));
        await Insert(
            """
            insert into te.expense_lines (id, employee_id, expense_date, category, amount, agency_campaign_id)
            values (@id, @person, current_date, 'travel', @amount, @campaign)
            """,
            ("id", Id("te.expense_lines")), ("person", tenant.People["account"]), ("amount", ExpenseAmount),
            ("campaign", ids["agency.campaigns"]));
        // Alerts are raised by the system actor of background jobs (018), never by a person.
        await s.SetContextAsync(tenant.Id.ToString(), "system", null);
        await Insert(
            """
            insert into agency.notifications (id, recipient_id, kind, campaign_id, threshold, title)
            values (@id, @person, 'budget_alert', @campaign, 50, 'Spring launch has spent 50% of its budget')
            """,
            ("id", Id("agency.notifications")), ("person", tenant.People["finance"]), ("campaign", ids["agency.campaigns"]));
        await Insert("insert into agency.jobs (id, kind, created_by) values (@id, 'embed_document', @person)",
            ("id", Id("agency.jobs")), ("person", tenant.People["creative"]));

        await As("creative");
        await Insert(
            """
            insert into agency.timesheet_entries (id, campaign_id, phase_id, entry_date, hours, billable)
            values (@id, @campaign, @phase, current_date, @hours, true)
            """,
            ("id", Id("agency.timesheet_entries")), ("campaign", ids["agency.campaigns"]), ("phase", ids["agency.campaign_phases"]),
            ("hours", LoggedHours));
        await Insert("insert into agency.time_off_entries (id, kind, entry_date, hours) values (@id, 'holiday', current_date - 1, 4)",
            ("id", Id("agency.time_off_entries")));
        await Insert("insert into agency.artifacts (id, campaign_id, artifact_type, title, content) values (@id, @campaign, 'brief', 'Brief', '# Brief')",
            ("id", Id("agency.artifacts")), ("campaign", ids["agency.campaigns"]));
        ids["agency.artifact_versions"] = await s.ScalarAsync<Guid>(
            "select id from agency.artifact_versions where artifact_id = @artifact", ("artifact", ids["agency.artifacts"]));
        await Insert("insert into agency.artifact_presence (id, artifact_id) values (@id, @artifact)",
            ("id", Id("agency.artifact_presence")), ("artifact", ids["agency.artifacts"]));
        await Insert("insert into agency.artifact_comments (id, artifact_id, body) values (@id, @artifact, 'Looks good')",
            ("id", Id("agency.artifact_comments")), ("artifact", ids["agency.artifacts"]));
        // 053: an image in the creative's brief (a PNG's signature is all agency.image_type asks of it).
        await Insert(
            "insert into agency.artifact_attachments (id, artifact_id, file_name, content_type, content) values (@id, @artifact, 'board.png', 'image/png', @png)",
            ("id", Id("agency.artifact_attachments")), ("artifact", ids["agency.artifacts"]),
            ("png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D }));
        await Insert("insert into agency.ai_conversations (id, title) values (@id, 'Budget questions')",
            ("id", Id("agency.ai_conversations")));
        await Insert("insert into agency.ai_messages (id, conversation_id, role, content) values (@id, @conversation, 'user', 'How much is left?')",
            ("id", Id("agency.ai_messages")), ("conversation", ids["agency.ai_conversations"]));

        await As("pm");
        await Insert("insert into agency.timesheet_timers (id, campaign_id) values (@id, @campaign)",
            ("id", Id("agency.timesheet_timers")), ("campaign", ids["agency.campaigns"]));
        await Insert("insert into agency.team_allocations (id, employee_id, campaign_id, week_start_date, hours) values (@id, @person, @campaign, current_date + 7, 20)",
            ("id", Id("agency.team_allocations")), ("person", tenant.People["creative"]), ("campaign", ids["agency.campaigns"]));
        await Insert("insert into agency.staffing_placeholders (id, campaign_id, role_name) values (@id, @campaign, 'Copywriter')",
            ("id", Id("agency.staffing_placeholders")), ("campaign", ids["agency.campaigns"]));
        await Insert("insert into agency.placeholder_allocations (id, placeholder_id, week_start_date, hours) values (@id, @placeholder, current_date + 14, 10)",
            ("id", Id("agency.placeholder_allocations")), ("placeholder", ids["agency.staffing_placeholders"]));

        await As("leadership");
        // The creative's utilization target from a date ahead (before it, the tenant's applies).
        await Insert("insert into agency.employee_utilization_targets (id, employee_id, effective_from, target) values (@id, @person, current_date + 90, 0.8)",
            ("id", Id("agency.employee_utilization_targets")), ("person", tenant.People["creative"]));

        await As("admin");
        // The creative's capacity, unchanged, recorded again from a date ahead (every person also has the period from always).
        await Insert("insert into agency.employee_capacity_periods (id, employee_id, effective_from, weekly_hours) values (@id, @person, current_date + 90, 40)",
            ("id", Id("agency.employee_capacity_periods")), ("person", tenant.People["creative"]));
        await Insert("insert into agency.artifact_templates (id, artifact_type, name, content) values (@id, 'brief', 'Test brief', '# Brief')",
            ("id", Id("agency.artifact_templates")));
        await Insert("insert into agency.knowledge_documents (id, client_id, title, doc_type, content) values (@id, @client, 'Brand book', 'brand_guidelines', 'Use the red logo.')",
            ("id", Id("agency.knowledge_documents")), ("client", ids["agency.clients"]));
        await Insert("insert into agency.knowledge_chunks (id, document_id, chunk_index, content, embedding) values (@id, @doc, 0, 'Use the red logo.', @embedding)",
            ("id", Id("agency.knowledge_chunks")), ("doc", ids["agency.knowledge_documents"]), ("embedding", Axis(0)));
        await Insert(
            """
            insert into gear.checkouts (id, equipment_name, asset_tag, checked_out_by, checked_out_at, daily_rate, agency_campaign_id)
            values (@id, 'Camera', @tag, @person, now() - interval '2 days', 100, @campaign)
            """,
            ("id", Id("gear.checkouts")), ("tag", $"CAM-{suffix}"), ("person", tenant.People["pm"]), ("campaign", ids["agency.campaigns"]));

        await As("account");
        await Insert("update agency.campaigns set procure_quote_id = @quote where id = @campaign",
            ("quote", ids["procure.project_quotes"]), ("campaign", ids["agency.campaigns"]));

        // The hand-made passage above stands for the indexing its saves queued (039): no worker
        // (the app's, in browser tests) replaces it or adds the artifact's.
        await s.SetContextAsync(tenant.Id.ToString(), "system", null);
        await s.ExecuteAsync("update agency.jobs set status = 'done' where kind in ('index_document', 'index_artifact')");

        // 045: an admin's import, staged and not moved (one staged row stands for a run under way).
        await As("admin");
        await Insert("insert into agency.import_batches (id, kind, file_name, file_sha256) values (@id, 'timesheets', 'harvest.csv', repeat('a', 64))",
            ("id", Id("agency.import_batches")));
        await Insert(
            "insert into agency.timesheet_import_rows (id, batch_id, line_no, person_name, campaign_code, entry_date, hours) " +
            "values (@id, @batch, 2, 'creative person', @code, current_date - 1, 1.5)",
            ("id", Id("agency.timesheet_import_rows")), ("batch", ids["agency.import_batches"]), ("code", tenant.CampaignCode));
        // 052: a client's and a person's staged row (the batch's kind is not the staging table's concern).
        await Insert("insert into agency.client_import_rows (id, batch_id, line_no, name, brands) values (@id, @batch, 2, 'Staged Client', '{Staged Brand}')",
            ("id", Id("agency.client_import_rows")), ("batch", ids["agency.import_batches"]));
        await Insert("insert into agency.people_import_rows (id, batch_id, line_no, email, full_name) values (@id, @batch, 2, 'staged@example.test', 'Staged Person')",
            ("id", Id("agency.people_import_rows")), ("batch", ids["agency.import_batches"]));

        await s.CommitAsync();
        return tenant;
    }
}

/// <summary>A seeded tenant: its id, a person per role, and one row id per table.</summary>
public sealed record SeededTenant(Guid Id, Dictionary<string, Guid> People)
{
    public string CampaignCode => $"CA-{Id.ToString("N")[..8].ToUpperInvariant()}";

    /// <summary>The sign-in email of the tenant's person in that role.</summary>
    public string Email(string role) => $"{role}@t{Id:N}.test";

    public Dictionary<string, Guid> Rows { get; } = [];

    /// <summary>The person acting in a role; none for the system actor of background jobs (018).</summary>
    public Guid? Person(string role) => role == "system" ? null : People[role];
}
