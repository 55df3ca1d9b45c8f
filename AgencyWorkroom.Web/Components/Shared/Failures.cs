using System.Net.Sockets;
using AgencyWorkroom.Data.Session;
using Npgsql;

namespace AgencyWorkroom.Web.Components.Shared;

/// <summary>
/// What a person is told when something fails: a sentence, never the exception's text (it can name
/// tables, roles, hosts and values). A lost connection, a refusal by policy and a bug each get their own.
/// </summary>
public static class Failures
{
    public const string Unreachable = "We can't reach the database right now. Nothing was lost; try again in a moment.";
    public const string Refused = "You don't have permission to do that. Nothing was changed.";
    public const string Revoked = "Your access to this workroom has ended. Sign out, and ask an admin if that is a mistake.";
    public const string Unexpected = "Something went wrong. Try again; if it keeps happening, tell an admin.";

    public static string Describe(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case AccessRevokedException:
                    return Revoked;
                // Row-level security's WITH CHECK ("new row violates row-level security policy") is 42501 too.
                case PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege }:
                    return Refused;
                case PostgresException postgres:
                    return IsConnectionLost(postgres.SqlState) ? Unreachable : Unexpected;
                // Npgsql's own exceptions (not the server's) wrap what broke the connection.
                case NpgsqlException when ex.InnerException is SocketException or IOException or TimeoutException:
                case SocketException:
                    return Unreachable;
            }
        }

        return Unexpected;
    }

    // Class 08 is connection exceptions; 57P01-57P03 are the server shutting down or not yet accepting connections.
    private static bool IsConnectionLost(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;
}
