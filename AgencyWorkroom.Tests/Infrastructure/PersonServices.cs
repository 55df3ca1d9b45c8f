using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data;
using AgencyWorkroom.Data.Identity;
using AgencyWorkroom.Data.Session;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AgencyWorkroom.Tests.Infrastructure;

/// <summary>
/// The data layer wired as the app wires it, for one signed-in person: every feature service
/// resolved here runs its units of work as that person, under row-level security.
/// </summary>
public sealed class PersonServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly AsyncServiceScope _scope;

    public PersonServices(TestDatabase database, Guid tenantId, Guid employeeId)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Workroom"] = database.AppConnectionString,
                ["ConnectionStrings:WorkroomIdentity"] = database.IdentityConnectionString,
            })
            .Build();
        var services = new ServiceCollection().AddLogging().AddWorkroomData(configuration);
        services.AddSingleton<ISessionContextSource>(new FixedSession(new SessionContext(tenantId, employeeId)));
        _provider = services.BuildServiceProvider();
        _scope = _provider.CreateAsyncScope();
    }

    public static PersonServices For(TwoTenantWorld world, SeededTenant tenant, string role) =>
        new(world.Database, tenant.Id, tenant.People[role]);

    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _provider.DisposeAsync();
    }

    private sealed class FixedSession(SessionContext context) : ISessionContextSource
    {
        public Task<SessionContext?> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult<SessionContext?>(context);
    }
}

/// <summary>
/// A tenant of a test's own, for tests that write and count: a person per role (rates for all,
/// so money is computed), one client with one brand. Nothing another test counts is touched.
/// </summary>
public sealed record ScratchTenant(Guid Id, Dictionary<string, Guid> People, Guid ClientId, Guid BrandId)
{
    public static async Task<ScratchTenant> CreateAsync(TwoTenantWorld world)
    {
        var tenant = new ScratchTenant(
            Guid.NewGuid(), AgencyRoles.All.ToDictionary(r => r, _ => Guid.NewGuid()), Guid.NewGuid(), Guid.NewGuid());
        var tag = tenant.Id.ToString("N")[..8];
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.Owner);
        await s.SetContextAsync(tenant.Id, "admin", tenant.People["admin"]);
        await s.ExecuteAsync("insert into agency.tenants (id, slug, name) values (@id, @slug, 'Scratch')", ("id", tenant.Id), ("slug", $"scratch-{tag}"));
        foreach (var (role, person) in tenant.People)
        {
            await s.ExecuteAsync("insert into agency.employees (id, full_name, email, agency_role) values (@id, @name, @email, @role)",
                ("id", person), ("name", $"{role} person"), ("email", $"{role}@scratch-{tag}.test"), ("role", role));
        }

        await s.SetContextAsync(tenant.Id, "finance", tenant.People["finance"]);
        // Rates from 2020 price days before today: a correction, which needs a reason (022).
        await s.ExecuteAsync("select set_config('app.audit_reason', 'Test fixture', true)");
        foreach (var person in tenant.People.Values)
        {
            await s.ExecuteAsync(
                "insert into agency.employee_rates (employee_id, bill_rate, cost_rate, effective_from) values (@id, @bill, @cost, '2020-01-01')",
                ("id", person), ("bill", TwoTenantWorld.BillRate), ("cost", TwoTenantWorld.CostRate));
        }

        await s.SetContextAsync(tenant.Id, "account", tenant.People["account"]);
        await s.ExecuteAsync("insert into agency.clients (id, code, name, sector) values (@id, 'SCRATCH', 'Scratch Client', 'Retail')", ("id", tenant.ClientId));
        await s.ExecuteAsync("insert into agency.brands (id, client_id, code, name) values (@id, @client, 'SCRATCH-BR', 'Scratch Brand')",
            ("id", tenant.BrandId), ("client", tenant.ClientId));
        await s.CommitAsync();
        return tenant;
    }

    public PersonServices As(TwoTenantWorld world, string role) => new(world.Database, Id, People[role]);

    /// <summary>A sign-in account for the tenant's person in that role (browser tests); returns its email.</summary>
    public async Task<string> SignInAccountAsync(TwoTenantWorld world, string role, string password)
    {
        var email = $"{role}@s{Id:N}.test";
        await using var s = await TestSession.BeginAsync(world.Database.Owner, Id, "admin", People["admin"]);
        await s.ExecuteAsync("update agency.employees set email = @email where id = @id", ("email", email), ("id", People[role]));
        await SignInAccounts.UpsertAsync(s.Connection, s.Transaction, [(Id, People[role], email)], password);
        await s.CommitAsync();
        return email;
    }

    /// <summary>A campaign of the tenant's client with its creative on the team (the others are not).</summary>
    public async Task<Guid> CampaignWithCreativeOnTeamAsync(TwoTenantWorld world)
    {
        var campaign = Guid.NewGuid();
        await using var s = await TestSession.BeginAsync(world.Database.App, Id, "admin", People["admin"]);
        await s.ExecuteAsync(
            """
            insert into agency.campaigns (id, client_id, brand_id, code, name, status, budget_amount, start_date, end_date)
            values (@id, @client, @brand, 'CIDER-1', 'Cider relaunch', 'active', 50000, current_date - 30, current_date + 60)
            """,
            ("id", campaign), ("client", ClientId), ("brand", BrandId));
        await s.ExecuteAsync("insert into agency.campaign_team (campaign_id, employee_id, team_role) values (@campaign, @person, 'designer')",
            ("campaign", campaign), ("person", People["creative"]));
        await s.CommitAsync();
        return campaign;
    }
}
