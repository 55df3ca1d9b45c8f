using System.Collections.Concurrent;
using System.Data.Common;
using AgencyWorkroom.Data;
using AgencyWorkroom.Data.Session;
using AgencyWorkroom.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AgencyWorkroom.Tests.Data.Session;

/// <summary>The data layer as the app wires it, on the real database as the app's role.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class UnitOfWorkTests(TwoTenantWorld world) : IAsyncLifetime
{
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        // A pool of two connections: thousands of units of work must share them without leaking context.
        var pooled = new NpgsqlConnectionStringBuilder(world.Database.AppConnectionString) { MaxPoolSize = 2 };
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Workroom"] = pooled.ConnectionString,
                ["ConnectionStrings:WorkroomIdentity"] = world.Database.IdentityConnectionString,
            })
            .Build();
        _services = new ServiceCollection().AddLogging().AddWorkroomData(configuration).BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private UnitOfWork As(SeededTenant tenant, string role) =>
        _services.GetRequiredService<UnitOfWorkFactory>().For(new SessionContext(tenant.Id, tenant.People[role]));

    [Fact]
    public async Task RunAsync_InterleavedTenantsOnTwoConnections_NeverSeeEachOther()
    {
        const int units = 10_000;
        var failures = new ConcurrentBag<string>();
        var rolledBackCode = $"RB-{Guid.NewGuid():N}"[..20].ToUpperInvariant();

        await Parallel.ForEachAsync(Enumerable.Range(0, units), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var tenant = i % 2 == 0 ? world.A : world.B;
            var unit = As(tenant, "account");
            try
            {
                await unit.RunAsync(async (db, token) =>
                {
                    var seen = await ScalarsAsync(db, "select distinct tenant_id::text from agency.clients", token);
                    var setting = await ScalarsAsync(db, "select current_setting('app.current_tenant', true)", token);
                    if (seen.Count != 1 || seen[0] != tenant.Id.ToString() || setting[0] != tenant.Id.ToString())
                    {
                        failures.Add($"unit {i} as {tenant.Id} saw [{string.Join(", ", seen)}] with setting {setting[0]}");
                    }

                    if (i % 10 == 0)
                    {
                        // A write half-way, then a failure: the write must roll back with the unit.
                        await ExecuteAsync(db, $"insert into agency.clients (code, name) values ('{rolledBackCode}', 'Never saved')", token);
                        throw new InvalidOperationException("fails half-way");
                    }
                }, ct);
            }
            catch (InvalidOperationException ex) when (ex.Message == "fails half-way")
            {
            }
        });

        Assert.Empty(failures);

        // The pool's connections, taken raw after all that work, carry no one's context.
        var dataSource = _services.GetRequiredService<NpgsqlDataSource>();
        for (var i = 0; i < 2; i++)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand(
                "select (select count(*) from agency.clients), coalesce(current_setting('app.current_tenant', true), '')", connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            Assert.Equal(0L, reader.GetInt64(0));
            Assert.Equal("", reader.GetString(1));
        }

        foreach (var tenant in new[] { world.A, world.B })
        {
            var saved = await As(tenant, "account").RunAsync(
                (db, ct) => ScalarsAsync(db, $"select count(*)::text from agency.clients where code = '{rolledBackCode}'", ct));
            Assert.Equal("0", saved[0]);
        }
    }

    [Fact]
    public async Task RunAsync_WithoutSignedInPerson_FailsBeforeAnySql()
    {
        var unit = new UnitOfWork(
            _services.GetRequiredService<IDbContextFactory<WorkroomDbContext>>(),
            new NobodySignedIn(),
            _services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<UnitOfWork>>());
        var touched = false;

        await Assert.ThrowsAsync<NoSessionContextException>(() => unit.RunAsync((_, _) =>
        {
            touched = true;
            return Task.CompletedTask;
        }));

        Assert.False(touched);
    }

    [Fact]
    public async Task RunAsync_DemotedFromFinance_LosesMoneyOnTheNextOperation()
    {
        var finance = As(world.A, "finance");
        Task<List<string>> Revenue() => finance.RunAsync((db, ct) => ScalarsAsync(db,
            $"select coalesce(revenue::text, 'null') from agency.v_campaign_overview where campaign_id = '{world.A.Rows["agency.campaigns"]}'", ct));

        var before = await Revenue();
        await SetEmployeeAsync(world.A, "finance", "agency_role = 'pm'");
        try
        {
            var after = await Revenue();

            Assert.Equal(TwoTenantWorld.LoggedHours * TwoTenantWorld.BillRate, decimal.Parse(before[0], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("null", after[0]);
        }
        finally
        {
            await SetEmployeeAsync(world.A, "finance", "agency_role = 'finance'");
        }
    }

    [Fact]
    public async Task RunAsync_DeactivatedPerson_IsRefusedOnTheNextOperation()
    {
        var creative = As(world.A, "creative");
        await creative.RunAsync((_, _) => Task.CompletedTask);

        await SetEmployeeAsync(world.A, "creative", "active = false");
        try
        {
            await Assert.ThrowsAsync<AccessRevokedException>(() => creative.RunAsync((_, _) => Task.CompletedTask));
            Assert.False(await _services.GetRequiredService<UnitOfWorkFactory>()
                .IsActiveMemberAsync(new SessionContext(world.A.Id, world.A.People["creative"])));
        }
        finally
        {
            await SetEmployeeAsync(world.A, "creative", "active = true");
        }
    }

    /// <summary>What an admin of the tenant would change on the person's employee row.</summary>
    private async Task SetEmployeeAsync(SeededTenant tenant, string role, string assignment)
    {
        await using var admin = await world.AppSessionAsync(tenant, "admin");
        Assert.Equal(1, await admin.ExecuteAsync($"update agency.employees set {assignment} where id = @id", ("id", tenant.People[role])));
        await admin.CommitAsync();
    }

    private static async Task<List<string>> ScalarsAsync(WorkroomDbContext db, string sql, CancellationToken ct)
    {
        await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task ExecuteAsync(WorkroomDbContext db, string sql, CancellationToken ct)
    {
        await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private sealed class NobodySignedIn : ISessionContextSource
    {
        public Task<SessionContext?> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult<SessionContext?>(null);
    }
}
