namespace AgencyWorkroom.Data.DemoData;

/// <summary>What a seed run loaded, tenant by tenant, and who signs in to it.</summary>
public sealed record DemoSeedResult(IReadOnlyList<DemoTenantSummary> Tenants, TimeSpan Elapsed)
{
    /// <summary>The six demo-role people of every seeded tenant, for creating their sign-in accounts.</summary>
    public IReadOnlyList<DemoPerson> DemoPeople => Tenants.SelectMany(t => t.DemoPeople).ToList();
}

/// <param name="KnowledgeNote">How the knowledge base was embedded (fresh, or borrowed at scale).</param>
public sealed record DemoTenantSummary(
    Guid TenantId, string Slug, string Name, IReadOnlyList<TableCount> Rows, IReadOnlyList<DemoPerson> DemoPeople,
    string KnowledgeNote, TimeSpan Elapsed)
{
    public int RowsIn(string table) => Rows.SingleOrDefault(r => r.Table == table)?.Rows ?? 0;
}

/// <summary>A step of the seed run: <paramref name="Done"/> of <paramref name="Total"/> for one tenant's stage.</summary>
public sealed record DemoSeedProgress(string Tenant, string Stage, long Done, long Total);
