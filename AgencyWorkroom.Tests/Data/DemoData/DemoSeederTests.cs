using AgencyWorkroom.Data.DemoData;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.DemoData;

/// <summary>Running the seeder again, beside other tenants, and at scale.</summary>
[Collection(DemoDataCollection.Name)]
public sealed class DemoSeederTests(DemoSeedFixture fixture)
{
    [Fact]
    public async Task SeedAsync_AgainTheSameDay_GivesIdenticalRowsAndTouchesNoOtherTenant()
    {
        var northwind = DemoTenantProfile.Northwind.TenantId;
        var bluebird = DemoTenantProfile.Bluebird.TenantId;
        var bystander = await CreateBystanderTenantAsync();
        var before = await ChecksumsAsync(northwind, bluebird, bystander);

        // A second run a little later the same day; only northwind is reseeded.
        var later = fixture.SeededAt.TimeOfDay < TimeSpan.FromHours(23) ? fixture.SeededAt.AddMinutes(30) : fixture.SeededAt.AddMinutes(-30);
        var again = await fixture.SeederAt(later).SeedAsync([DemoTenantProfile.Northwind]);
        var after = await ChecksumsAsync(northwind, bluebird, bystander);

        // The passages' text is unchanged, so every vector is kept and none embedded again.
        Assert.EndsWith(", 0 embedded now with all-MiniLM-L6-v2", again.Tenants.Single().KnowledgeNote);
        Assert.DoesNotContain(", 0 embedded now", fixture.Summary("northwind").KnowledgeNote);

        Assert.Equal(before[northwind], after[northwind]);
        Assert.Equal(before[bluebird], after[bluebird]);
        Assert.Equal(before[bystander], after[bystander]);
        Assert.Contains(before[bystander], table => table.Value.StartsWith("1:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SeedAsync_SmallScale_LoadsTheScaleTenantByCopyReusingTheDemoEmbeddings()
    {
        var scale = DemoTenantProfile.Scale(0.05);
        var demoBefore = await ChecksumsAsync(DemoTenantProfile.Northwind.TenantId, DemoTenantProfile.Bluebird.TenantId);

        var result = await fixture.SeederAt(fixture.SeededAt).SeedAsync([scale]);
        var demoAfter = await ChecksumsAsync(DemoTenantProfile.Northwind.TenantId, DemoTenantProfile.Bluebird.TenantId);

        var summary = Assert.Single(result.Tenants);
        await using var s = await fixture.MaintenanceSessionAsync();
        foreach (var (table, rows) in summary.Rows)
        {
            Assert.Equal(rows, await s.ScalarAsync<long>($"select count(*) from {table} where tenant_id = @tenant", ("tenant", scale.TenantId)));
        }

        Assert.Equal(scale.Scaled(150), summary.RowsIn("agency.campaigns"));
        Assert.True(summary.RowsIn("agency.timesheet_entries") > 1000);
        Assert.True(summary.RowsIn("agency.knowledge_chunks") > 0);
        Assert.Equal(0L, await s.ScalarAsync<long>(
            """
            select count(*) from agency.knowledge_chunks c where c.tenant_id = @tenant
              and (vector_dims(c.embedding) <> 384 or abs(vector_norm(c.embedding) - 1) > 1e-3)
            """, ("tenant", scale.TenantId)));
        Assert.Contains("none embedded now", summary.KnowledgeNote, StringComparison.Ordinal);
        Assert.Equal(6, summary.DemoPeople.Count(p => p.Email.EndsWith("@scale.demo", StringComparison.Ordinal)));
        Assert.Equal(demoBefore, demoAfter);
    }

    [Fact]
    public async Task IsSeededAsync_AfterTheSeed_IsTrue() => Assert.True(await DemoSeeder.IsSeededAsync(fixture.Database.Maintenance));

    private async Task<Dictionary<Guid, Dictionary<string, string>>> ChecksumsAsync(params Guid[] tenants)
    {
        await using var s = await fixture.MaintenanceSessionAsync();
        var checksums = new Dictionary<Guid, Dictionary<string, string>>();
        foreach (var tenant in tenants)
        {
            checksums[tenant] = await DemoChecksums.OfTenantAsync(s, tenant);
        }

        return checksums;
    }

    // A tenant the seeder knows nothing about, with a row in the tables it clears.
    private async Task<Guid> CreateBystanderTenantAsync()
    {
        var tenant = Guid.NewGuid();
        var person = Guid.NewGuid();
        var client = Guid.NewGuid();
        var campaign = Guid.NewGuid();
        var suffix = tenant.ToString("N")[..8];
        await using var s = await fixture.MaintenanceSessionAsync();
        (string, object?)[] ids = [("tenant", tenant), ("person", person), ("client", client), ("campaign", campaign), ("suffix", suffix)];
        await s.ExecuteAsync("insert into agency.tenants (id, slug, name) values (@tenant, 'bystander-' || @suffix, 'Bystander')", ids);
        await s.ExecuteAsync(
            "insert into agency.employees (tenant_id, id, full_name, email, agency_role) values (@tenant, @person, 'By Stander', 'pm@' || @suffix || '.test', 'pm')", ids);
        await s.ExecuteAsync("insert into agency.clients (tenant_id, id, code, name) values (@tenant, @client, 'BY01', 'Bystander Client')", ids);
        await s.ExecuteAsync(
            """
            insert into agency.campaigns (tenant_id, id, client_id, code, name, start_date, end_date)
            values (@tenant, @campaign, @client, 'BY01-001', 'Bystander campaign', current_date - 30, current_date + 30)
            """, ids);
        await s.ExecuteAsync(
            "insert into agency.timesheet_entries (tenant_id, employee_id, campaign_id, entry_date, hours) values (@tenant, @person, @campaign, current_date, 3)", ids);
        await s.CommitAsync();
        return tenant;
    }
}
