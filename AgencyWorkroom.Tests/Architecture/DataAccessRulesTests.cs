using System.Reflection;
using AgencyWorkroom.Data;
using AgencyWorkroom.Data.Session;
using AgencyWorkroom.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AgencyWorkroom.Tests.Architecture;

/// <summary>No query path may reach the database except through a unit of work.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class DataAccessRulesTests
{
    public static TheoryData<string> Assemblies => ["AgencyWorkroom.Data", "AgencyWorkroom.Web"];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void NoTypeOutsideTheUnitOfWork_TakesADbContextFactoryContextOrDataSource(string assemblyName) =>
        Assert.Empty(DataAccessRules.InjectedWaysIn(Assembly.Load(assemblyName).GetTypes()));

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void NoMethodOutsideTheUnitOfWork_AsksAServiceProviderForAContextFactoryOrDataSource(string assemblyName) =>
        Assert.Empty(DataAccessRules.ServiceLocatorWaysIn(Assembly.Load(assemblyName).GetTypes()));

    [Fact]
    public async Task NoEndpointOfTheApp_TakesAContextFactoryOrDataSource()
    {
        await using var app = new WorkroomAppFactory();

        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints;

        Assert.Contains(endpoints, e => e.Metadata.GetMetadata<MethodInfo>() is not null);
        Assert.Empty(DataAccessRules.EndpointWaysIn(endpoints));
    }

    [Fact]
    public void Checkers_OnDeliberatelyBadTypes_ReportEachWayIn()
    {
        var bad = typeof(DeliberatelyBad).Assembly.GetTypes()
            .Where(t => t.FullName!.StartsWith(typeof(DeliberatelyBad).FullName!, StringComparison.Ordinal))
            .ToList();

        var injected = string.Join("\n", DataAccessRules.InjectedWaysIn(bad));
        var located = string.Join("\n", DataAccessRules.ServiceLocatorWaysIn(bad));

        Assert.Contains(nameof(DeliberatelyBad.TakesAContext), injected);
        Assert.Contains(nameof(DeliberatelyBad.InjectsAFactory), injected);
        Assert.Contains(nameof(DeliberatelyBad.LocatesADataSource), located);
        Assert.Contains(nameof(DeliberatelyBad.LocatesAFactoryByTypeOf), located);
        Assert.Contains($"{nameof(DeliberatelyBad.LocatesAContextInAnAsyncLambda)}+", located);
        Assert.Contains(nameof(DeliberatelyBad.APageThatActsAsTheSystem), injected);
        Assert.Contains(nameof(DeliberatelyBad.LocatesTheSystemActor), located);
        Assert.DoesNotContain(nameof(DeliberatelyBad.LocatesTheUnitOfWork), injected + located);
        Assert.DoesNotContain(nameof(DeliberatelyBad.AJobThatActsAsTheSystem), injected + located);
    }

    [Fact]
    public async Task Checker_OnDeliberatelyBadEndpoints_ReportsEachWayIn()
    {
        await using var app = WebApplication.CreateSlimBuilder().Build();
        app.MapGet("/bad/data-source", ([FromServices] NpgsqlDataSource dataSource) => "no");
        app.MapGet("/bad/as-parameters", ([AsParameters] BadParameters parameters) => "no");
        app.MapGet("/fine", (HttpContext context) => "yes");

        var reported = DataAccessRules.EndpointWaysIn(((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints)).ToList();

        Assert.Equal(2, reported.Count);
        Assert.Contains(reported, r => r.StartsWith("/bad/data-source", StringComparison.Ordinal));
        Assert.Contains(reported, r => r.StartsWith("/bad/as-parameters", StringComparison.Ordinal));
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

    public sealed record BadParameters([FromServices] WorkroomDbContext Db);
}

/// <summary>Each way in that the checkers must find, and the harmless ones they must not report.</summary>
public static class DeliberatelyBad
{
    public sealed class TakesAContext(WorkroomDbContext db)
    {
        public WorkroomDbContext Db => db;
    }

    public sealed class InjectsAFactory
    {
        [Inject]
        public IDbContextFactory<WorkroomDbContext> Factory { get; set; } = default!;
    }

    public static class LocatesADataSource
    {
        public static object Get(IServiceProvider services) => services.GetRequiredService<NpgsqlDataSource>();
    }

    public static class LocatesAFactoryByTypeOf
    {
        public static object? Get(IServiceProvider services) => services.GetService(typeof(IDbContextFactory<WorkroomDbContext>));
    }

    public static class LocatesAContextInAnAsyncLambda
    {
        public static Func<IServiceProvider, Task<object>> Get => async services =>
        {
            await Task.Yield();
            return services.GetRequiredService<WorkroomDbContext>();
        };
    }

    public sealed class APageThatActsAsTheSystem(SystemUnitOfWork system)
    {
        public SystemUnitOfWork System => system;
    }

    public static class LocatesTheSystemActor
    {
        public static object Get(IServiceProvider services) => services.GetRequiredService<SystemUnitOfWork>();
    }

    public sealed class AJobThatActsAsTheSystem(SystemUnitOfWork system) : Microsoft.Extensions.Hosting.BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => system.RunAsync(Guid.Empty, (_, _) => Task.FromResult(0), stoppingToken);
    }

    public static class LocatesTheUnitOfWork
    {
        public static object Get(IServiceProvider services) => services.GetRequiredService<UnitOfWork>();
    }
}
