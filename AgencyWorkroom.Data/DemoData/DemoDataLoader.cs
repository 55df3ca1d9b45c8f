using AgencyWorkroom.Data.Identity;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace AgencyWorkroom.Data.DemoData;

/// <summary>
/// Replaces one tenant's rows with generated ones: in one transaction, deletes everything the
/// tenant has, then loads each table with binary COPY. Runs as the maintenance role, which
/// bypasses row-level security (COPY is refused on tables whose policies bind the caller), so
/// every statement names the tenant itself: nothing here can touch another tenant's rows.
/// </summary>
internal sealed class DemoDataLoader(NpgsqlDataSource maintenance, IProgress<DemoSeedProgress>? progress)
{
    private const int ProgressEvery = 5000;

    // Foreign keys are checked when a COPY ends: a million rows keep the server busy well past
    // Npgsql's default 30-second timeout before it answers.
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromMinutes(15);

    /// <returns>Rows loaded per table, in load order.</returns>
    public async Task<IReadOnlyList<TableCount>> LoadAsync(DemoTenantData data, CancellationToken cancellationToken)
    {
        await using var connection = await maintenance.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var tenant = data.TenantId;
        var counts = new List<TableCount>();
        var load = new TableLoader(connection, tenant, data.Profile.Slug, progress, counts, cancellationToken);

        await TenantClearing.ClearAsync(connection, tenant, (done, of) => Report(data, "clearing", done, of), cancellationToken);

        await using (var upsert = new NpgsqlCommand(
            "insert into agency.tenants (id, slug, name) values (@tenant, @slug, @name) " +
            "on conflict (id) do update set slug = excluded.slug, name = excluded.name", connection))
        {
            upsert.Parameters.AddWithValue("tenant", tenant);
            upsert.Parameters.AddWithValue("slug", data.Profile.Slug);
            upsert.Parameters.AddWithValue("name", data.Profile.Name);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await load.CopyAsync("agency.employees",
            "id, full_name, email, title, department, agency_role, weekly_capacity_hours, active, start_date",
            data.Employees, async (w, r) =>
            {
                await w.Uuid(r.Id); await w.Text(r.FullName); await w.Text(r.Email); await w.Text(r.Title); await w.Text(r.Department);
                await w.Text(r.AgencyRole); await w.Number(r.WeeklyCapacityHours); await w.Bool(true); await w.Date(r.StartDate);
            });
        await load.CopyAsync("agency.rate_cards", "id, role_name, bill_rate, cost_rate, effective_from, effective_to",
            data.RateCards, async (w, r) =>
            {
                await w.Uuid(r.Id); await w.Text(r.RoleName); await w.Number(r.BillRate); await w.Number(r.CostRate);
                await w.Date(r.EffectiveFrom); await w.Date(r.EffectiveTo);
            });
        await load.CopyAsync("agency.employee_rates", "id, employee_id, rate_card_id, bill_rate, cost_rate, effective_from, effective_to",
            data.EmployeeRates, async (w, r) =>
            {
                await w.Uuid(r.Id); await w.Uuid(r.EmployeeId); await w.Uuid(r.RateCardId); await w.Number(r.BillRate);
                await w.Number(r.CostRate); await w.Date(r.EffectiveFrom); await w.Date(r.EffectiveTo);
            });
        await load.CopyAsync("agency.clients",
            "id, code, name, sector, status, website, primary_contact_name, primary_contact_email, notes, account_lead_id, created_at, updated_at",
            data.Clients, async (w, r) =>
            {
                await w.Uuid(r.Id); await w.Text(r.Code); await w.Text(r.Name); await w.Text(r.Sector); await w.Text(r.Status);
                await w.Text(r.Website); await w.Text(r.PrimaryContactName); await w.Text(r.PrimaryContactEmail); await w.Text(r.Notes);
                await w.Uuid(r.AccountLeadId); await w.Instant(r.CreatedAt); await w.Instant(r.CreatedAt);
            });
        await load.CopyAsync("agency.brands", "id, client_id, code, name, description", data.Brands, async (w, r) =>
        {
            await w.Uuid(r.Id); await w.Uuid(r.ClientId); await w.Text(r.Code); await w.Text(r.Name); await w.Text(r.Description);
        });
        await load.CopyAsync("procure.project_quotes", "id, quote_number, vendor_name, description, amount, status, created_at, updated_at",
            data.Quotes, async (w, r) =>
            {
                await w.Uuid(r.Id); await w.Text(r.QuoteNumber); await w.Text(r.VendorName); await w.Text(r.Description);
                await w.Number(r.Amount); await w.Text(r.Status); await w.Instant(r.CreatedAt); await w.Instant(r.CreatedAt);
            });
        await load.CopyAsync("agency.campaigns",
            "id, client_id, brand_id, code, name, description, status, budget_type, budget_amount, start_date, end_date, tags, " +
            "procure_quote_id, created_at, updated_at, created_by, updated_by",
            data.Campaigns, async (w, r) =>
            {
                await w.Uuid(r.Id); await w.Uuid(r.ClientId); await w.Uuid(r.BrandId); await w.Text(r.Code); await w.Text(r.Name);
                await w.Text(r.Description); await w.Text(r.Status); await w.Text(r.BudgetType); await w.Number(r.BudgetAmount);
                await w.Date(r.StartDate); await w.Date(r.EndDate); await w.TextArray(r.Tags); await w.Uuid(r.ProcureQuoteId);
                await w.Instant(r.CreatedAt); await w.Instant(r.UpdatedAt); await w.Uuid(r.CreatedBy); await w.Uuid(r.UpdatedBy);
            });
        await load.CopyAsync("agency.campaign_phases", "id, campaign_id, phase_type, name, sort_order, status, start_date, end_date, budget_amount",
            data.Phases, async (w, r) =>
            {
                await w.Uuid(r.Id); await w.Uuid(r.CampaignId); await w.Text(r.PhaseType); await w.Text(r.Name);
                await w.Integer(r.SortOrder); await w.Text(r.Status); await w.Date(r.StartDate); await w.Date(r.EndDate);
                await w.Number(r.BudgetAmount);
            });
        await load.CopyAsync("agency.campaign_team", "id, campaign_id, employee_id, team_role", data.TeamMembers, async (w, r) =>
        {
            await w.Uuid(r.Id); await w.Uuid(r.CampaignId); await w.Uuid(r.EmployeeId); await w.Text(r.TeamRole);
        });
        await load.CopyAsync("agency.timesheet_entries",
            "id, employee_id, campaign_id, phase_id, entry_date, hours, billable, description, week_start_date, status, " +
            "submitted_at, approved_by, approved_at, created_at, updated_at, created_by",
            data.TimesheetEntries, async (w, r) =>
            {
                await w.Uuid(r.Id); await w.Uuid(r.EmployeeId); await w.Uuid(r.CampaignId); await w.Uuid(r.PhaseId);
                await w.Date(r.EntryDate); await w.Number(r.Hours); await w.Bool(r.Billable); await w.Text(r.Description);
                await w.Date(r.WeekStartDate); await w.Text(r.Status); await w.Instant(r.SubmittedAt); await w.Uuid(r.ApprovedBy);
                await w.Instant(r.ApprovedAt); await w.Instant(r.CreatedAt); await w.Instant(r.ApprovedAt ?? r.SubmittedAt ?? r.CreatedAt);
                await w.Uuid(r.EmployeeId);
            });
        await load.CopyAsync("agency.team_allocations", "id, employee_id, campaign_id, week_start_date, hours, notes",
            data.Allocations, async (w, r) =>
            {
                await w.Uuid(r.Id); await w.Uuid(r.EmployeeId); await w.Uuid(r.CampaignId); await w.Date(r.WeekStartDate);
                await w.Number(r.Hours); await w.Text(r.Notes);
            });
        await load.CopyAsync("agency.artifacts",
            "id, campaign_id, artifact_type, title, content, status, owner_id, current_version, tags, created_at, updated_at, created_by, updated_by",
            data.Artifacts, async (w, r) =>
            {
                await w.Uuid(r.Id); await w.Uuid(r.CampaignId); await w.Text(r.ArtifactType); await w.Text(r.Title); await w.Text(r.Content);
                await w.Text(r.Status); await w.Uuid(r.OwnerId); await w.Integer(r.CurrentVersion); await w.TextArray(r.Tags);
                await w.Instant(r.CreatedAt); await w.Instant(r.UpdatedAt); await w.Uuid(r.OwnerId); await w.Uuid(r.UpdatedBy);
            });
        // COPY fires row triggers, so the insert trigger has just snapshotted each artifact as one
        // version with a random id. The generated history (every version, stable ids) replaces it.
        await ExecuteAsync(connection, "delete from agency.artifact_versions where tenant_id = @tenant", tenant, cancellationToken);
        await load.CopyAsync("agency.artifact_versions", "id, artifact_id, version_number, title, content, change_summary, created_at, updated_at, created_by",
            data.ArtifactVersions, async (w, r) =>
            {
                await w.Uuid(r.Id); await w.Uuid(r.ArtifactId); await w.Integer(r.VersionNumber); await w.Text(r.Title); await w.Text(r.Content);
                await w.Text(r.ChangeSummary); await w.Instant(r.CreatedAt); await w.Instant(r.CreatedAt); await w.Uuid(r.CreatedBy);
            });
        await load.CopyAsync("agency.artifact_comments", "id, artifact_id, parent_comment_id, author_id, body, resolved, created_at, updated_at, created_by",
            data.Comments, async (w, r) =>
            {
                await w.Uuid(r.Id); await w.Uuid(r.ArtifactId); await w.Uuid(r.ParentCommentId); await w.Uuid(r.AuthorId); await w.Text(r.Body);
                await w.Bool(r.Resolved); await w.Instant(r.CreatedAt); await w.Instant(r.CreatedAt); await w.Uuid(r.AuthorId);
            });
        await load.CopyAsync("finance_ppm.projects", "id, project_code, name, budget_amount, agency_campaign_id", data.PpmProjects, async (w, r) =>
        {
            await w.Uuid(r.Id); await w.Text(r.ProjectCode); await w.Text(r.Name); await w.Number(r.BudgetAmount); await w.Uuid(r.CampaignId);
        });
        await load.CopyAsync("te.expense_lines", "id, employee_id, expense_date, category, description, amount, status, agency_campaign_id",
            data.ExpenseLines, async (w, r) =>
            {
                await w.Uuid(r.Id); await w.Uuid(r.EmployeeId); await w.Date(r.ExpenseDate); await w.Text(r.Category);
                await w.Text(r.Description); await w.Number(r.Amount); await w.Text(r.Status); await w.Uuid(r.CampaignId);
            });
        await load.CopyAsync("gear.checkouts",
            "id, equipment_name, asset_tag, checked_out_by, checked_out_at, due_back_at, returned_at, daily_rate, agency_campaign_id",
            data.Checkouts, async (w, r) =>
            {
                await w.Uuid(r.Id); await w.Text(r.EquipmentName); await w.Text(r.AssetTag); await w.Uuid(r.CheckedOutBy);
                await w.Instant(r.CheckedOutAt); await w.Instant(r.DueBackAt); await w.Instant(r.ReturnedAt); await w.Number(r.DailyRate);
                await w.Uuid(r.CampaignId);
            });
        await load.CopyAsync("agency.knowledge_documents",
            "id, client_id, brand_id, campaign_id, title, doc_type, source_uri, content, tags, created_at, updated_at",
            data.KnowledgeDocuments, async (w, r) =>
            {
                await w.Uuid(r.Id); await w.Uuid(r.ClientId); await w.Uuid(r.BrandId); await w.Uuid(r.CampaignId); await w.Text(r.Title);
                await w.Text(r.DocType); await w.Text(r.SourceUri); await w.Text(r.Content); await w.TextArray(r.Tags);
                await w.Instant(r.CreatedAt); await w.Instant(r.CreatedAt);
            });
        await load.CopyAsync("agency.knowledge_chunks", "id, document_id, artifact_id, chunk_index, content, token_count, embedding, embedding_model",
            data.KnowledgeChunks, async (w, r) =>
            {
                await w.Uuid(r.Id); await w.Uuid(r.DocumentId); await w.Uuid(r.ArtifactId); await w.Integer(r.ChunkIndex); await w.Text(r.Content);
                await w.Integer(r.TokenCount); await w.Vector(r.Embedding); await w.Text(r.Model);
            });

        Report(data, "committing", 0, 1);
        // The demo people's accounts land with their employees, in the same transaction.
        await DemoAccounts.EnsureAsync(connection, transaction,
            data.DemoPeople.Select(p => (p.TenantId, p.EmployeeId, p.Email)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Report(data, "committing", 1, 1);
        return counts;
    }

    private void Report(DemoTenantData data, string stage, long done, long total) =>
        progress?.Report(new DemoSeedProgress(data.Profile.Slug, stage, done, total));

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, Guid tenant, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = (int)LoadTimeout.TotalSeconds };
        command.Parameters.AddWithValue("tenant", tenant);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Binary COPY of one table, tenant_id first in every row.</summary>
    private sealed class TableLoader(
        NpgsqlConnection connection, Guid tenant, string slug, IProgress<DemoSeedProgress>? progress, List<TableCount> counts,
        CancellationToken cancellationToken)
    {
        public async Task CopyAsync<T>(string table, string columns, IReadOnlyList<T> rows, Func<RowWriter, T, Task> write)
        {
            await using var importer = await connection.BeginBinaryImportAsync(
                $"copy {table} (tenant_id, {columns}) from stdin (format binary)", cancellationToken);
            importer.Timeout = LoadTimeout;
            var writer = new RowWriter(importer, cancellationToken);
            for (var i = 0; i < rows.Count; i++)
            {
                if (i % ProgressEvery == 0)
                {
                    progress?.Report(new DemoSeedProgress(slug, table, i, rows.Count));
                }

                await importer.StartRowAsync(cancellationToken);
                await writer.Uuid(tenant);
                await write(writer, rows[i]);
            }

            await importer.CompleteAsync(cancellationToken);
            progress?.Report(new DemoSeedProgress(slug, table, rows.Count, rows.Count));
            counts.Add(new TableCount(table, rows.Count));
        }
    }

    /// <summary>Typed writes for one COPY row; a null writes SQL NULL.</summary>
    private sealed class RowWriter(NpgsqlBinaryImporter importer, CancellationToken cancellationToken)
    {
        public Task Uuid(Guid? value) => Write(value, NpgsqlDbType.Uuid);

        public Task Text(string? value) => value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

        public Task Number(decimal value) => importer.WriteAsync(value, NpgsqlDbType.Numeric, cancellationToken);

        public Task Integer(int? value) => Write(value, NpgsqlDbType.Integer);

        public Task Bool(bool value) => importer.WriteAsync(value, NpgsqlDbType.Boolean, cancellationToken);

        public Task Date(DateOnly? value) => Write(value, NpgsqlDbType.Date);

        public Task Instant(DateTime? value) => Write(value, NpgsqlDbType.TimestampTz);

        public Task TextArray(string[] value) => importer.WriteAsync(value, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);

        public Task Vector(float[] value) => importer.WriteAsync(new Vector(value), "vector", cancellationToken);

        private Task Write<T>(T? value, NpgsqlDbType type) where T : struct =>
            value is { } present ? importer.WriteAsync(present, type, cancellationToken) : importer.WriteNullAsync(cancellationToken);
    }
}

/// <summary>How many rows a table received.</summary>
public sealed record TableCount(string Table, int Rows);
