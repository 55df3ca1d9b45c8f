using Npgsql;

namespace AgencyWorkroom.Data.DemoData;

/// <summary>
/// Deletes every row one tenant has, children before parents, as a reload of demo or scale data
/// begins: through every trigger, so the summaries follow. Runs as the maintenance role inside
/// the caller's transaction; every statement names the tenant.
/// </summary>
public static class TenantClearing
{
    // Children before parents; comments refer to each other, which one statement handles.
    private static readonly string[] Tables =
    [
        // Sign-in accounts point at employees; they are recreated with the same ids.
        "identity.users", "agency.notifications", "agency.timesheet_timers", "agency.timesheet_weeks", "agency.time_off_entries", "agency.knowledge_chunks", "agency.knowledge_documents", "agency.ai_messages", "agency.ai_conversations",
        "agency.artifact_comments", "agency.artifact_versions", "agency.artifacts", "agency.timesheet_entries", "agency.timesheet_import_rows", "agency.client_import_rows", "agency.people_import_rows", "agency.import_batches",
        "agency.team_allocations", "agency.placeholder_allocations", "agency.staffing_placeholders", "agency.employee_capacity_periods", "agency.employee_rates", "agency.rate_cards", "te.expense_lines", "gear.checkouts",
        "finance_ppm.projects", "agency.campaign_team", "agency.campaign_phases", "agency.campaigns",
        "procure.project_quotes", "agency.brands", "agency.clients", "agency.employees",
    ];

    // A ×50 tenant holds millions of rows; Npgsql's default 30-second timeout would cut the delete short.
    private static readonly TimeSpan StatementTimeout = TimeSpan.FromMinutes(15);

    /// <param name="progress">Called with the tables done and their number, after each.</param>
    public static async Task ClearAsync(NpgsqlConnection connection, Guid tenant, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        progress?.Invoke(0, Tables.Length);
        for (var i = 0; i < Tables.Length; i++)
        {
            await using var command = new NpgsqlCommand($"delete from {Tables[i]} where tenant_id = @tenant", connection)
            {
                CommandTimeout = (int)StatementTimeout.TotalSeconds,
            };
            command.Parameters.AddWithValue("tenant", tenant);
            await command.ExecuteNonQueryAsync(cancellationToken);
            progress?.Invoke(i + 1, Tables.Length);
        }
    }
}
