using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.DemoData;

/// <summary>A checksum per table of one tenant's rows: every column but created_at and updated_at, in id order.</summary>
public static class DemoChecksums
{
    private static readonly string[] Tables =
    [
        "agency.tenants", "agency.employees", "agency.clients", "agency.brands", "agency.campaigns", "agency.campaign_phases",
        "agency.campaign_team", "agency.timesheet_entries", "agency.team_allocations", "agency.rate_cards", "agency.employee_rates",
        "agency.artifacts", "agency.artifact_versions", "agency.artifact_comments", "agency.knowledge_documents",
        "agency.knowledge_chunks", "procure.project_quotes", "finance_ppm.projects", "te.expense_lines", "gear.checkouts",
    ];

    public static async Task<Dictionary<string, string>> OfTenantAsync(TestSession session, Guid tenant)
    {
        var checksums = new Dictionary<string, string>();
        foreach (var table in Tables)
        {
            checksums[table] = await session.ScalarAsync<string>(
                $"""
                select count(*) || ':' || md5(coalesce(string_agg((to_jsonb(t) - 'created_at' - 'updated_at')::text, '|' order by t.id), ''))
                from {table} t where t.tenant_id = @tenant
                """, ("tenant", tenant));
        }

        return checksums;
    }
}
