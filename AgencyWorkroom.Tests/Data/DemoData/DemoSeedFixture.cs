using AgencyWorkroom.Data.DemoData;
using AgencyWorkroom.Data.Knowledge;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.DemoData;

/// <summary>
/// Seeds the two demo agencies once into the test database, with the real embedding model,
/// exactly as <c>./workroom seed</c> does; the demo-data tests read what it loaded.
/// </summary>
public sealed class DemoSeedFixture : IAsyncLifetime
{
    private readonly Dictionary<string, DemoTenantData> _generated = [];

    public TestDatabase Database { get; } = new();

    public MiniLmEmbeddingGenerator Embeddings { get; } = new();

    /// <summary>The instant the seed ran at: the generator is asked about the same day.</summary>
    public DateTimeOffset SeededAt { get; } = TimeProvider.System.GetUtcNow();

    public DemoCalendar Calendar => DemoCalendar.At(SeededAt);

    public DemoSeedResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Result = await SeederAt(SeededAt).SeedAsync(DemoTenantProfile.DemoAgencies);
    }

    public async Task DisposeAsync()
    {
        Embeddings.Dispose();
        await Database.DisposeAsync();
    }

    public DemoSeeder SeederAt(DateTimeOffset now) => new(Database.Maintenance, Embeddings, new FixedClock(now));

    public static DemoTenantProfile Profile(string slug) => DemoTenantProfile.DemoAgencies.Single(p => p.Slug == slug);

    public DemoTenantSummary Summary(string slug) => Result.Tenants.Single(t => t.Slug == slug);

    /// <summary>The same tenant generated again in memory, for facts the tables do not hold (holidays).</summary>
    public DemoTenantData Generated(string slug)
    {
        if (!_generated.TryGetValue(slug, out var data))
        {
            _generated[slug] = data = DemoDataGenerator.Generate(Profile(slug), Calendar);
        }

        return data;
    }

    /// <summary>A session on the maintenance role, which sees every tenant: queries name theirs.</summary>
    public Task<TestSession> MaintenanceSessionAsync() => TestSession.BeginWithoutContextAsync(Database.Maintenance);

    /// <summary>A session as the web app sees it: row-level security for the tenant's demo person in that role.</summary>
    public Task<TestSession> AppSessionAsync(string slug, string role) =>
        TestSession.BeginAsync(Database.App, Profile(slug).TenantId, role,
            Summary(slug).DemoPeople.Single(p => p.Role == role).EmployeeId);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>The demo-data tests share one seeded database of their own, apart from the "database" collection's tenants.</summary>
[CollectionDefinition(Name)]
public sealed class DemoDataCollection : ICollectionFixture<DemoSeedFixture>
{
    public const string Name = "demo data";
}
