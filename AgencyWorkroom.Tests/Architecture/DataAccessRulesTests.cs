using System.Reflection;
using AgencyWorkroom.Data;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AgencyWorkroom.Tests.Architecture;

/// <summary>No query path may reach the database except through a unit of work.</summary>
public sealed class DataAccessRulesTests
{
    // Types that legitimately hold a raw way in: the unit of work itself, the migrator and
    // status check (they read meta, not tenant data), and loaders that use the maintenance role.
    private static readonly string[] Allowed =
    [
        "AgencyWorkroom.Data.Session.", "AgencyWorkroom.Data.Schema.", "AgencyWorkroom.Data.Features.Status.",
        "AgencyWorkroom.Data.DemoData.", "AgencyWorkroom.Data.DataServiceExtensions", "AgencyWorkroom.Web.Extensions.",
    ];

    public static TheoryData<string> Assemblies => ["AgencyWorkroom.Data", "AgencyWorkroom.Web"];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void NoTypeOutsideTheUnitOfWork_TakesADbContextFactoryContextOrDataSource(string assemblyName)
    {
        var forbidden = new[] { typeof(IDbContextFactory<WorkroomDbContext>), typeof(WorkroomDbContext), typeof(NpgsqlDataSource), typeof(NpgsqlConnection) };

        var offenders = Assembly.Load(assemblyName).GetTypes()
            .Where(t => !Allowed.Any(prefix => t.FullName!.StartsWith(prefix, StringComparison.Ordinal)))
            .SelectMany(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .SelectMany(c => c.GetParameters())
                .Where(p => forbidden.Contains(p.ParameterType))
                .Select(p => $"{t.FullName}({p.ParameterType.Name})")
                .Concat(t.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                    .Where(p => forbidden.Contains(p.PropertyType) && p.GetCustomAttributes().Any(a => a.GetType().Name == "InjectAttribute"))
                    .Select(p => $"{t.FullName}.{p.Name}")))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void DataServices_ThatReadTenantData_DependOnTheUnitOfWork()
    {
        var services = typeof(UnitOfWork).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("AgencyWorkroom.Data.Features.", StringComparison.Ordinal) == true
                        && t.Namespace != "AgencyWorkroom.Data.Features.Status"
                        && (t.Name.EndsWith("Queries", StringComparison.Ordinal) || t.Name.EndsWith("Commands", StringComparison.Ordinal))
                        && t.IsClass)
            .ToList();

        Assert.NotEmpty(services);
        Assert.All(services, t => Assert.Contains(t.GetConstructors().Single().GetParameters(), p => p.ParameterType == typeof(UnitOfWork)));
    }

    [Fact]
    public void ConnectionStringWithoutReset_IsRefused()
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            DataServiceExtensions.RefuseConnectionsThatKeepState("Host=localhost;Database=x;Username=y;No Reset On Close=true"));

        Assert.Contains("No Reset On Close", refused.Message);
        DataServiceExtensions.RefuseConnectionsThatKeepState("Host=localhost;Database=x;Username=y");
    }
}
