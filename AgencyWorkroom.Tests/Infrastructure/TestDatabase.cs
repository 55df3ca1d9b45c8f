using AgencyWorkroom.Data;
using AgencyWorkroom.Data.Schema;
using Npgsql;

namespace AgencyWorkroom.Tests.Infrastructure;

/// <summary>
/// The real local PostgreSQL that <c>./workroom test</c> starts and migrates: one data source
/// as the web app's role (row-level security applies) and one as the schema owner.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public TestDatabase()
    {
        AppConnectionString = Required("ConnectionStrings__Workroom");
        OwnerConnectionString = Required("ConnectionStrings__WorkroomOwner");
        IdentityConnectionString = Required("ConnectionStrings__WorkroomIdentity");
        App = DataServiceExtensions.CreateDataSource(AppConnectionString);
        Owner = DataServiceExtensions.CreateDataSource(OwnerConnectionString);
        Maintenance = DataServiceExtensions.CreateDataSource(Required("ConnectionStrings__WorkroomMaintenance"));
        Identity = DataServiceExtensions.CreateDataSource(IdentityConnectionString);
    }

    public string AppConnectionString { get; }

    public string OwnerConnectionString { get; }

    /// <summary>Identity's login role: the one granted on schema identity (042).</summary>
    public string IdentityConnectionString { get; }

    /// <summary>Connects as the web app's login role: not the owner, no BYPASSRLS.</summary>
    public NpgsqlDataSource App { get; }

    /// <summary>Connects as the schema owner; FORCE ROW LEVEL SECURITY binds it too.</summary>
    public NpgsqlDataSource Owner { get; }

    /// <summary>Connects as the maintenance role the bulk loader uses: BYPASSRLS, so queries name their tenant.</summary>
    public NpgsqlDataSource Maintenance { get; }

    /// <summary>Connects as Identity's login role, which reads and writes schema identity and nothing else.</summary>
    public NpgsqlDataSource Identity { get; }

    /// <summary>The maintenance role on another database of the cluster (a restored copy of this one).</summary>
    public static NpgsqlDataSource MaintenanceOn(string database) =>
        DataServiceExtensions.CreateDataSource(
            new NpgsqlConnectionStringBuilder(Required("ConnectionStrings__WorkroomMaintenance")) { Database = database }.ConnectionString);

    // Already migrated by ./workroom test; migrating again is a no-op and lets a plain
    // `dotnet test` run against a cluster brought up with `./workroom db up`.
    public async Task InitializeAsync() => await new SchemaMigrator().MigrateAsync(Owner);

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Owner.DisposeAsync();
        await Maintenance.DisposeAsync();
        await Identity.DisposeAsync();
    }

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set: run the tests with ./workroom test, which starts PostgreSQL and sets it.");
}

/// <summary>Tests on the real database share one migrated database and one seeded pair of tenants.</summary>
[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<TwoTenantWorld>
{
    public const string Name = "database";
}
