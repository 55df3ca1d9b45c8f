namespace AgencyWorkroom.Tests.Data.Security;

/// <summary>
/// Every tenant table, with the role whose policies let it write there: attacks are made as
/// that role, so a refusal can only come from tenant isolation, never from a missing grant.
/// A test checks that this list matches the database, so a new table cannot go uncovered.
/// </summary>
public static class TenantTables
{
    public sealed record Writer(string Role, bool CanUpdate = true);

    public static readonly IReadOnlyDictionary<string, Writer> Writers = new Dictionary<string, Writer>
    {
        ["agency.tenants"] = new("admin"),
        ["agency.employees"] = new("admin"),
        ["agency.clients"] = new("account"),
        ["agency.brands"] = new("account"),
        ["agency.campaigns"] = new("pm"),
        ["agency.campaign_phases"] = new("pm"),
        ["agency.campaign_team"] = new("pm"),
        ["agency.artifacts"] = new("creative"),
        // Versions are written by the artifact trigger; 028 lets it rewrite only the caller's own latest
        // autosave (ArtifactVersionTests), so the seeded "Created" version is never edited.
        ["agency.artifact_versions"] = new("creative", CanUpdate: false),
        ["agency.artifact_comments"] = new("creative"),
        // 037: every tenant starts with five (a trigger on tenants); admins keep them.
        ["agency.artifact_templates"] = new("admin"),
        // 038: each person's own mark on an artifact they have open; the seeded one is the creative's.
        ["agency.artifact_presence"] = new("creative"),
        // 053: images are added by whoever may edit the artifact and never changed; the seeded one is in the creative's brief.
        ["agency.artifact_attachments"] = new("creative", CanUpdate: false),
        ["agency.timesheet_entries"] = new("creative"),
        ["agency.time_off_entries"] = new("creative"),
        // Each person's own running timer; the seeded one is the pm's.
        ["agency.timesheet_timers"] = new("pm"),
        ["agency.team_allocations"] = new("pm"),
        // 029: capacity history is the person record's (admin); placeholders are staffed like allocations.
        ["agency.employee_capacity_periods"] = new("admin"),
        ["agency.staffing_placeholders"] = new("pm"),
        ["agency.placeholder_allocations"] = new("pm"),
        // 035: a person's utilization target by period is leadership's to set.
        ["agency.employee_utilization_targets"] = new("leadership"),
        ["agency.rate_cards"] = new("finance"),
        ["agency.employee_rates"] = new("finance"),
        ["agency.client_rate_overrides"] = new("finance"),
        ["agency.campaign_rate_overrides"] = new("finance"),
        ["agency.knowledge_documents"] = new("admin"),
        ["agency.knowledge_chunks"] = new("admin"),
        ["agency.ai_conversations"] = new("creative"),
        ["agency.ai_messages"] = new("creative"),
        ["procure.project_quotes"] = new("finance"),
        ["finance_ppm.projects"] = new("finance"),
        ["te.expense_lines"] = new("finance"),
        ["gear.checkouts"] = new("admin"),
        // Read, marked and dismissed by its recipient, the finance person (the system actor of 018 raises alerts).
        ["agency.notifications"] = new("finance"),
        // Worked by the system actor; the seeded job was enqueued by the creative person.
        ["agency.jobs"] = new("system"),
        // 045: an admin's import runs and their staged rows (moved into timesheet_entries, or rolled back).
        ["agency.import_batches"] = new("admin"),
        ["agency.timesheet_import_rows"] = new("admin"),
        // 052: clients' and people's staged rows, the same way.
        ["agency.client_import_rows"] = new("admin"),
        ["agency.people_import_rows"] = new("admin"),
    };

    /// <summary>Kept by triggers and written by no app role; TimeSummaryTests, CampaignHealthTests, KnowledgeChunkCountTests,
    /// AuditLogTests, TimesheetRulesTests (the locks of timesheet_weeks) and ArtifactReviewTests (the review events) attack them.</summary>
    public static readonly IReadOnlyList<string> Summaries =
        ["agency.artifact_review_events", "agency.audit_log", "agency.campaign_budget_use", "agency.campaign_health", "agency.campaign_month_hours", "agency.campaign_month_money", "agency.campaign_week_hours", "agency.campaign_week_money",
         "agency.employee_week_bookings", "agency.employee_week_hours", "agency.knowledge_chunk_counts", "agency.timesheet_submitted_parts", "agency.timesheet_weeks"];

    public static TheoryData<string> All => [.. Writers.Keys];
}
