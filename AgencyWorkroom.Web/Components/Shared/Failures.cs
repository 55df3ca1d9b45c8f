using System.Data.Common;
using System.Net.Sockets;
using AgencyWorkroom.Data.Session;

namespace AgencyWorkroom.Web.Components.Shared;

/// <summary>What a person is told when something fails: a sentence, never a stack trace.</summary>
public static class Failures
{
    public const string Unreachable = "We can't reach the database right now. Nothing was lost; try again in a moment.";
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
                case DbException or SocketException or TimeoutException:
                    return Unreachable;
            }
        }

        return Unexpected;
    }
}
