using AgencyWorkroom.Data.DemoData;
using AgencyWorkroom.Data.Identity;
using Npgsql;

namespace AgencyWorkroom.Benchmarks.Database;

/// <summary>
/// The tenant <c>./workroom seed --scale N</c> adds, with its size and the demo-role people the
/// benchmarks work as (<c>leadership@scale.demo</c> sees everything, money included).
/// </summary>
public sealed record ScaleTenant(
    Guid Id, int DetectedScale, long Campaigns, long TimesheetEntries, long Employees, long KnowledgeChunks,
    Guid Leadership, Guid Creative, string LeadershipEmail)
{
    public string Describe() =>
        $"scale tenant ×{DetectedScale}: {Campaigns:N0} campaigns, {TimesheetEntries:N0} timesheet entries, {Employees:N0} people, " +
        $"{KnowledgeChunks:N0} knowledge chunks";

    public static async Task<ScaleTenant> FindAsync(NpgsqlDataSource maintenance, CancellationToken cancellationToken = default)
    {
        await using var command = maintenance.CreateCommand(
            """
            select t.id,
                   (select count(*) from agency.campaigns c where c.tenant_id = t.id),
                   (select count(*) from agency.campaigns c where c.tenant_id = (select id from agency.tenants where slug = @reference)),
                   (select count(*) from agency.timesheet_entries x where x.tenant_id = t.id),
                   (select count(*) from agency.employees e where e.tenant_id = t.id),
                   (select count(*) from agency.knowledge_chunks k where k.tenant_id = t.id),
                   (select e.id from agency.employees e where e.tenant_id = t.id and e.email = @leadership and e.agency_role = 'leadership' and e.active),
                   (select e.id from agency.employees e where e.tenant_id = t.id and e.email = @creative and e.agency_role = 'creative' and e.active)
            from agency.tenants t
            where t.slug = @slug
            """);
        var leadershipEmail = DemoAccounts.EmailOf("leadership", DemoTenantProfile.ScaleSlug);
        command.Parameters.AddWithValue("slug", DemoTenantProfile.ScaleSlug);
        command.Parameters.AddWithValue("reference", DemoTenantProfile.Northwind.Slug);
        command.Parameters.AddWithValue("leadership", leadershipEmail);
        command.Parameters.AddWithValue("creative", DemoAccounts.EmailOf("creative", DemoTenantProfile.ScaleSlug));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException(
                $"No '{DemoTenantProfile.ScaleSlug}' tenant: load it first (./workroom seed --scale N, or ./workroom bench, which loads it).");
        }

        if (reader.IsDBNull(6) || reader.IsDBNull(7))
        {
            throw new InvalidOperationException(
                $"The scale tenant has no active {leadershipEmail} or creative demo person; reload it with ./workroom seed --scale N.");
        }

        var campaigns = reader.GetInt64(1);
        var reference = reader.GetInt64(2);
        // The scale tenant is N times a demo agency, campaigns exactly so.
        var scale = reference == 0 ? 0 : (int)Math.Round(campaigns / (double)reference);
        return new ScaleTenant(reader.GetGuid(0), scale, campaigns, reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5),
            reader.GetGuid(6), reader.GetGuid(7), leadershipEmail);
    }
}
