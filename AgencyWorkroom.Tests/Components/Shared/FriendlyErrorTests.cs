using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Shared;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AgencyWorkroom.Tests.Components.Shared;

public sealed class FriendlyErrorTests : ComponentTestContext
{
    private readonly RecordingLogger _log = new();

    public FriendlyErrorTests() => Services.AddSingleton<ILogger<FriendlyError>>(_log);

    [Fact]
    public void Render_PolicyRefusal_ShowsTheSentenceNotTheDatabasesText()
    {
        var refusal = new PostgresException("new row violates row-level security policy for table \"employee_rates\"", "ERROR", "ERROR",
            PostgresErrorCodes.InsufficientPrivilege);

        var error = Render<FriendlyError>(p => p.Add(e => e.Exception, refusal));

        Assert.Equal(Failures.Refused, error.Find("[data-testid=friendly-error]").TextContent.Trim());
        Assert.DoesNotContain("employee_rates", error.Markup);
    }

    [Fact]
    public void Render_SameFailureRenderedAgain_IsLoggedOnceWithTheException()
    {
        var failure = new InvalidOperationException("boom");
        var error = Render<FriendlyError>(p => p.Add(e => e.Exception, failure));

        error.Render(p => p.Add(e => e.Exception, failure));
        var second = new InvalidOperationException("again");
        error.Render(p => p.Add(e => e.Exception, second));

        Assert.Equal([failure, second], _log.Exceptions);
    }

    private sealed class RecordingLogger : ILogger<FriendlyError>
    {
        public List<Exception?> Exceptions { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Exceptions.Add(exception);
    }
}
