using System.Collections.Concurrent;
using System.Net;
using AgencyWorkroom.Data.Features.Status;
using AgencyWorkroom.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgencyWorkroom.Tests.Web.Edge;

/// <summary>
/// With its database out of reach the real app says so plainly — the status the dashboard's line
/// shows, and the public health probe — while the connection's detail goes to the log only.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class PlainMessagesTests
{
    /// <summary>Nothing listens on port 1: the connection is refused at once.</summary>
    private const string Unreachable = "Host=127.0.0.1;Port=1;Database=workroom_nowhere;Username=workroom_app;Timeout=3";

    [Fact]
    public async Task DatabaseOutOfReach_HealthSaysUnhealthyOnly_AndTheDetailIsLogged()
    {
        var log = new CapturingLoggerProvider();
        await using var app = new WorkroomAppFactory { Settings = { ["ConnectionStrings:Workroom"] = Unreachable } };
        await using var logged = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(log)));

        var health = await logged.CreateClient().GetAsync("/health");
        var body = await health.Content.ReadAsStringAsync();
        await using var scope = logged.Services.CreateAsyncScope();
        var status = await scope.ServiceProvider.GetRequiredService<IDatabaseStatus>().GetStatusAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", body);
        Assert.False(status.Connected);
        Assert.NotNull(status.Failure);
        // The detail (host, port) is in the server's log, for whoever runs it.
        Assert.Contains(log.Lines, l => l.Contains("Database status check failed", StringComparison.Ordinal) && l.Contains("127.0.0.1:1", StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{formatter(state, exception)} {exception}");
        }
    }
}
