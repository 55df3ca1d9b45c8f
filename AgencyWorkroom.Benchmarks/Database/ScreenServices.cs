using AgencyWorkroom.Data;
using AgencyWorkroom.Data.Session;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AgencyWorkroom.Benchmarks.Database;

/// <summary>
/// The app's own feature services (AddWorkroomData, as the web app registers them), for one
/// signed-in person of the scale tenant: a benchmark that calls them times what the screen runs,
/// its unit of work, count and mapping included.
/// </summary>
public sealed class ScreenServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public ScreenServices(IConfiguration configuration, Guid tenant, Guid person)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkroomData(configuration);
        services.AddScoped<ISessionContextSource>(_ => new SignedIn(new SessionContext(tenant, person)));
        _provider = services.BuildServiceProvider();
    }

    /// <summary>Calls a service in a scope of its own, as one request or circuit event would.</summary>
    public async Task<T> CallAsync<TService, T>(Func<TService, Task<T>> call)
        where TService : notnull
    {
        await using var scope = _provider.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private sealed class SignedIn(SessionContext context) : ISessionContextSource
    {
        public Task<SessionContext?> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult<SessionContext?>(context);
    }
}
