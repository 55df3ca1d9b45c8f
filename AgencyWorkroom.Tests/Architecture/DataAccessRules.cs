using System.Reflection;
using System.Reflection.Emit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using AgencyWorkroom.Data.Session;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace AgencyWorkroom.Tests.Architecture;

/// <summary>
/// Finds every way to the database that bypasses the unit of work: a constructor parameter or an
/// [Inject] property, a parameter of an endpoint's delegate, or a service-locator call
/// (<c>GetRequiredService&lt;T&gt;()</c>, <c>GetService(typeof(T))</c>, ...) found in a method's IL.
/// </summary>
public static class DataAccessRules
{
    // Types that legitimately hold a raw way in: the unit of work itself, the migrator and
    // status check (they read meta, not tenant data), loaders that use the maintenance role, and
    // the app's start-up (Identity's own store, the CLI commands), and the assistant's evaluation,
    // which looks up the demo names and checks answers' ids for leaks as the maintenance role (its
    // questions go through the app's services and their units of work, decision 027).
    private static readonly string[] Allowed =
    [
        "AgencyWorkroom.Data.Session.", "AgencyWorkroom.Data.Schema.", "AgencyWorkroom.Data.Features.Status.",
        "AgencyWorkroom.Data.DemoData.", "AgencyWorkroom.Data.DataServiceExtensions", "AgencyWorkroom.Web.Extensions.",
        "AgencyWorkroom.Data.Features.Assistant.Evaluation.AssistantEvaluation",
    ];

    // Who may act as a tenant's system actor: the hosted services that are background jobs.
    private static readonly string[] AllowedSystemActors = ["AgencyWorkroom.Data.Session."];

    private static readonly HashSet<string> ServiceLocators =
    [
        nameof(ServiceProviderServiceExtensions.GetService), nameof(ServiceProviderServiceExtensions.GetRequiredService),
        nameof(ServiceProviderServiceExtensions.GetServices), nameof(ServiceProviderKeyedServiceExtensions.GetKeyedService),
        nameof(ServiceProviderKeyedServiceExtensions.GetRequiredKeyedService), nameof(ServiceProviderKeyedServiceExtensions.GetKeyedServices),
        nameof(ActivatorUtilities.GetServiceOrCreateInstance),
    ];

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>A context, a context factory, the data source, a connection, or the system actor's unit of work.</summary>
    public static bool IsWayIn(Type type) =>
        type == typeof(NpgsqlDataSource) || type == typeof(IdentityDataSource) || type == typeof(NpgsqlConnection) || typeof(DbContext).IsAssignableFrom(type)
        || type is { IsGenericType: true } && type.GetGenericTypeDefinition() == typeof(IDbContextFactory<>)
        || type == typeof(SystemUnitOfWork);

    public static bool IsAllowed(Type holder, Type wayIn) =>
        wayIn == typeof(SystemUnitOfWork)
            ? typeof(IHostedService).IsAssignableFrom(holder) || HasPrefix(holder, AllowedSystemActors)
            : HasPrefix(holder, Allowed);

    private static bool HasPrefix(Type type, string[] prefixes) =>
        prefixes.Any(prefix => type.FullName?.StartsWith(prefix, StringComparison.Ordinal) == true);

    /// <summary>Constructor parameters and [Inject] properties that are a way in.</summary>
    public static IEnumerable<string> InjectedWaysIn(IEnumerable<Type> types) =>
        types.SelectMany(t =>
            t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .SelectMany(c => c.GetParameters())
                .Where(p => IsWayIn(p.ParameterType) && !IsAllowed(t, p.ParameterType))
                .Select(p => $"{t.FullName}({p.ParameterType.Name})")
                .Concat(t.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                    .Where(p => IsWayIn(p.PropertyType) && !IsAllowed(t, p.PropertyType)
                                && p.GetCustomAttributes().Any(a => a.GetType().Name == "InjectAttribute"))
                    .Select(p => $"{t.FullName}.{p.Name}")));

    /// <summary>Endpoint delegates (minimal APIs) whose parameters, or [AsParameters] members, are a way in.</summary>
    public static IEnumerable<string> EndpointWaysIn(IEnumerable<Endpoint> endpoints) =>
        endpoints.OfType<RouteEndpoint>().SelectMany(endpoint =>
            (endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [])
            .SelectMany(p => p.GetCustomAttribute<AsParametersAttribute>() is null
                ? [(p.Name, p.ParameterType)]
                : p.ParameterType.GetConstructors().SelectMany(c => c.GetParameters()).Select(m => (m.Name, m.ParameterType))
                    .Concat(p.ParameterType.GetProperties().Select(m => ((string?)m.Name, m.PropertyType)))
                    .Distinct())
            .Where(p => IsWayIn(p.Item2))
            .Select(p => $"{endpoint.RoutePattern.RawText} ({p.Item1}: {p.Item2.Name})"));

    /// <summary>Service-locator calls for a way in, in any method, lambda or state machine of the types.</summary>
    public static IEnumerable<string> ServiceLocatorWaysIn(IEnumerable<Type> types) =>
        types.SelectMany(t => t.GetMethods(Everything).Cast<MethodBase>().Concat(t.GetConstructors(Everything)))
            .SelectMany(m => LocatedTypes(m).Where(located => IsWayIn(located) && !IsAllowed(m.DeclaringType!, located)).Select(located => $"{m.DeclaringType!.FullName}.{m.Name} asks for {located.Name}"));

    // The types a method asks a service provider for: a locator's generic argument, or the typeof() just before it.
    private static IEnumerable<Type> LocatedTypes(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return [];
        }

        var typeArguments = method.DeclaringType!.IsGenericType ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var located = new List<Type>();
        Type? lastTypeOf = null;
        for (var i = 0; i < il.Length;)
        {
            var code = OpCodesByValue[il[i] == 0xFE ? unchecked((short)(0xFE00 | il[i + 1])) : il[i]];
            i += code.Size;
            if (code == OpCodes.Ldtoken)
            {
                lastTypeOf = Resolve(() => method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArguments, methodArguments)) as Type;
            }
            else if ((code == OpCodes.Call || code == OpCodes.Callvirt)
                     && Resolve(() => method.Module.ResolveMethod(BitConverter.ToInt32(il, i), typeArguments, methodArguments)) is { } called
                     && ServiceLocators.Contains(called.Name))
            {
                located.AddRange(called.IsGenericMethod ? called.GetGenericArguments() : lastTypeOf is null ? [] : [lastTypeOf]);
                lastTypeOf = null;
            }

            i += OperandSize(code.OperandType, il, i);
        }

        return located;
    }

    // Tokens into assemblies the test cannot load (and vararg signatures) are not service-locator calls.
    private static T? Resolve<T>(Func<T?> resolve)
        where T : class
    {
        try
        {
            return resolve();
        }
        catch (Exception ex) when (ex is ArgumentException or FileNotFoundException or TypeLoadException or BadImageFormatException)
        {
            return null;
        }
    }

    private static int OperandSize(OperandType type, byte[] il, int at) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
