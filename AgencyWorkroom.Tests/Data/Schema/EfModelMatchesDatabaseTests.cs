using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data;
using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Tests.Infrastructure;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace AgencyWorkroom.Tests.Data.Schema;

/// <summary>
/// The EF Core model maps what the SQL scripts create, no more and no less: every mapped table
/// and view, every mapped column, every column of those, read and written through EF itself.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class EfModelMatchesDatabaseTests(TwoTenantWorld world)
{
    private static readonly MethodInfo ReadMethod =
        typeof(EfModelMatchesDatabaseTests).GetMethod(nameof(ReadAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    [Fact]
    public async Task Model_EveryMappedColumn_ExistsInTheDatabase()
    {
        var failures = new List<string>();
        foreach (var (entityType, storeObject, columns) in Mappings())
        {
            var sql = $"select {string.Join(", ", columns.Select(Quote))} from {Quote(storeObject.Schema!)}.{Quote(storeObject.Name)} limit 0";
            try
            {
                await using var command = world.Database.Owner.CreateCommand(sql);
                await command.ExecuteNonQueryAsync();
            }
            catch (PostgresException ex)
            {
                failures.Add($"{entityType.ClrType.Name} ({storeObject.Schema}.{storeObject.Name}): {ex.MessageText}");
            }
        }

        AssertNone(failures);
    }

    [Fact]
    public async Task Model_EveryColumnOfAMappedTableOrView_IsMapped()
    {
        var failures = new List<string>();
        foreach (var (entityType, storeObject, columns) in Mappings())
        {
            await using var command = world.Database.Owner.CreateCommand(
                "select column_name from information_schema.columns where table_schema = @schema and table_name = @name");
            command.Parameters.AddWithValue("schema", storeObject.Schema!);
            command.Parameters.AddWithValue("name", storeObject.Name);
            var inDatabase = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    inDatabase.Add(reader.GetString(0));
                }
            }

            failures.AddRange(inDatabase.Except(columns).Select(c => $"{entityType.ClrType.Name} does not map {storeObject.Schema}.{storeObject.Name}.{c}"));
        }

        AssertNone(failures);
    }

    [Fact]
    public async Task Model_EverySeededTableAndEveryView_IsMapped()
    {
        var mapped = Mappings().Select(m => Name(m.StoreObject)).ToHashSet();
        var views = new List<string>();
        await using (var command = world.Database.Owner.CreateCommand(
            @"select table_schema || '.' || table_name from information_schema.views where table_schema = 'agency' and table_name like 'v\_%'"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                views.Add(reader.GetString(0));
            }
        }

        Assert.NotEmpty(views);
        Assert.Empty(world.A.Rows.Keys.Concat(views).Except(mapped));
    }

    [Fact]
    public async Task Model_EveryEntityAndView_MaterializesTheSeededRows()
    {
        var tenant = world.A;
        var mappings = Mappings();
        await using var db = Context(world.Database.App);
        await using var transaction = await db.Database.BeginTransactionAsync();

        // Each person of the tenant in turn, as the app would connect them: some rows are one
        // person's alone (assistant conversations, notifications), money only finance's.
        var failures = new List<string>();
        var seen = new HashSet<Type>();
        foreach (var role in AgencyRoles.All)
        {
            await SetSessionAsync(db, tenant.Id, role, tenant.People[role]);
            foreach (var (entityType, _, _) in mappings)
            {
                // One refusal must not end the transaction for the entity types after it.
                await transaction.CreateSavepointAsync("read");
                try
                {
                    var read = (Task<int>)ReadMethod.MakeGenericMethod(entityType.ClrType).Invoke(null, [db])!;
                    if (await read > 0)
                    {
                        seen.Add(entityType.ClrType);
                    }
                }
                catch (Exception ex) when (ex is PostgresException or InvalidCastException or InvalidOperationException)
                {
                    await transaction.RollbackToSavepointAsync("read");
                    failures.Add($"{entityType.ClrType.Name} as {role}: {ex.Message}");
                }
            }
        }

        // The world seeds a row in each of its tables, and every view shows some of them.
        failures.AddRange(mappings
            .Where(m => m.StoreObject.StoreObjectType == StoreObjectType.View || tenant.Rows.ContainsKey(Name(m.StoreObject)))
            .Where(m => !seen.Contains(m.EntityType.ClrType))
            .Select(m => $"{m.EntityType.ClrType.Name}: no rows for anyone"));
        AssertNone(failures);
    }

    [Fact]
    public async Task SaveChanges_TenantThenEmployeeWithoutTenantId_DatabaseFillsTheDefaults()
    {
        var tenantId = Guid.NewGuid();
        await using var db = Context(world.Database.Owner);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlAsync(
            $"select set_config('app.current_tenant', {tenantId.ToString()}, true), set_config('app.current_role', {"admin"}, true)");

        db.Set<Tenant>().Add(new Tenant { Id = tenantId, Slug = $"ef-{tenantId:N}"[..20], Name = "EF round trip" });
        await db.SaveChangesAsync();
        var employee = new Employee { FullName = "Round Trip", Email = "round.trip@example.test" };
        db.Set<Employee>().Add(employee);
        await db.SaveChangesAsync();
        Assert.Equal(tenantId, employee.TenantId);
        db.ChangeTracker.Clear();

        var tenant = await db.Set<Tenant>().SingleAsync(t => t.Id == tenantId);
        Assert.Equal(tenantId, tenant.TenantId);
        Assert.Equal("USD", tenant.DefaultCurrency);
        Assert.Equal(0.750m, tenant.UtilizationTarget);
        var saved = await db.Set<Employee>().SingleAsync(e => e.Id == employee.Id);
        Assert.Equal(tenantId, saved.TenantId);
        Assert.NotEqual(Guid.Empty, saved.Id);
        Assert.Equal("creative", saved.AgencyRole);
        Assert.Null(saved.CreatedBy);
        Assert.InRange(saved.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));

        await transaction.RollbackAsync();
    }

    private static WorkroomDbContext Context(NpgsqlDataSource dataSource) =>
        new(new DbContextOptionsBuilder<WorkroomDbContext>()
            .UseNpgsql(dataSource, npgsql => npgsql.UseVector())
            .UseSnakeCaseNamingConvention()
            .Options);

    private static Task SetSessionAsync(WorkroomDbContext db, Guid tenant, string role, Guid user) =>
        db.Database.ExecuteSqlAsync(
            $"""
            select set_config('app.current_tenant', {tenant.ToString()}, true), set_config('app.current_role', {role}, true),
                   set_config('app.current_user_id', {user.ToString()}, true)
            """);

    private static async Task<int> ReadAsync<T>(WorkroomDbContext db)
        where T : class =>
        (await db.Set<T>().AsNoTracking().Take(5).ToListAsync()).Count;

    /// <summary>Each entity type and view of the model with the table or view it maps to and its columns.</summary>
    private List<(IEntityType EntityType, StoreObjectIdentifier StoreObject, List<string> Columns)> Mappings()
    {
        using var db = Context(world.Database.Owner);
        var model = db.GetService<IDesignTimeModel>().Model;
        var mappings = new List<(IEntityType, StoreObjectIdentifier, List<string>)>();
        foreach (var entityType in model.GetEntityTypes())
        {
            var storeObject = StoreObjectIdentifier.Create(entityType, StoreObjectType.Table)
                ?? StoreObjectIdentifier.Create(entityType, StoreObjectType.View)
                ?? throw new InvalidOperationException($"{entityType.ClrType.Name} maps to neither a table nor a view.");
            var columns = entityType.GetProperties().Select(p => p.GetColumnName(storeObject)!).ToList();
            mappings.Add((entityType, storeObject, columns));
        }

        return mappings;
    }

    private static void AssertNone(List<string> failures)
    {
        if (failures.Count > 0)
        {
            Assert.Fail(string.Join(Environment.NewLine, failures));
        }
    }

    private static string Name(StoreObjectIdentifier storeObject) => $"{storeObject.Schema}.{storeObject.Name}";

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
