using System.Net.Sockets;
using AgencyWorkroom.Data.Session;
using AgencyWorkroom.Web.Components.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AgencyWorkroom.Tests.Components.Shared;

/// <summary>Which sentence a failure gets: a lost connection, a refusal by policy and a bug each their own.</summary>
public sealed class FailuresTests
{
    [Fact]
    public void Describe_InsufficientPrivilege_IsARefusal() =>
        Assert.Equal(Failures.Refused, Failures.Describe(Postgres("permission denied for table employee_rates", PostgresErrorCodes.InsufficientPrivilege)));

    [Fact]
    public void Describe_RowLevelSecurityWithCheckInsideEfCore_IsARefusal() =>
        Assert.Equal(Failures.Refused, Failures.Describe(new DbUpdateException("An error occurred while saving the entity changes.",
            Postgres("new row violates row-level security policy for table \"campaigns\"", PostgresErrorCodes.InsufficientPrivilege))));

    [Theory]
    [InlineData(PostgresErrorCodes.AdminShutdown)]
    [InlineData(PostgresErrorCodes.CrashShutdown)]
    [InlineData(PostgresErrorCodes.CannotConnectNow)]
    [InlineData(PostgresErrorCodes.ConnectionFailure)]
    [InlineData(PostgresErrorCodes.ConnectionException)]
    public void Describe_ServerEndsOrRefusesTheConnection_IsUnreachable(string sqlState) =>
        Assert.Equal(Failures.Unreachable, Failures.Describe(Postgres("terminating connection due to administrator command", sqlState)));

    [Fact]
    public void Describe_NpgsqlWrappingASocketError_IsUnreachable() =>
        Assert.Equal(Failures.Unreachable, Failures.Describe(new InvalidOperationException("x",
            new NpgsqlException("Failed to connect to 127.0.0.1:55432", new SocketException((int)SocketError.ConnectionRefused)))));

    [Fact]
    public void Describe_NpgsqlWrappingAStreamOrTimeoutError_IsUnreachable()
    {
        Assert.Equal(Failures.Unreachable, Failures.Describe(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));
        Assert.Equal(Failures.Unreachable, Failures.Describe(new NpgsqlException("The connection pool has been exhausted", new TimeoutException())));
    }

    [Theory]
    [InlineData(PostgresErrorCodes.UndefinedTable)]
    [InlineData(PostgresErrorCodes.SyntaxError)]
    [InlineData(PostgresErrorCodes.UniqueViolation)]
    public void Describe_AnyOtherServerError_IsABugNotALostConnection(string sqlState) =>
        Assert.Equal(Failures.Unexpected, Failures.Describe(Postgres("relation \"agency.nope\" does not exist", sqlState)));

    [Fact]
    public void Describe_NpgsqlErrorWithoutAConnectionCause_IsABug() =>
        Assert.Equal(Failures.Unexpected, Failures.Describe(new NpgsqlException("Reading as 'System.Int32' is not supported")));

    [Fact]
    public void Describe_AccessRevoked_SaysAccessEnded() =>
        Assert.Equal(Failures.Revoked, Failures.Describe(new AccessRevokedException(new(Guid.NewGuid(), Guid.NewGuid()))));

    [Fact]
    public void Describe_OrdinaryException_IsUnexpected() =>
        Assert.Equal(Failures.Unexpected, Failures.Describe(new InvalidOperationException("boom")));

    private static PostgresException Postgres(string message, string sqlState) => new(message, "ERROR", "ERROR", sqlState);
}
