namespace AgencyWorkroom.Data.Schema;

/// <summary>
/// One line for a person at a terminal (migrate, seed, bench): the message and its causes, without a
/// stack trace. Never for a page: the causes name hosts, roles and SQL (pages use Failures).
/// </summary>
public static class ErrorText
{
    // Npgsql says "Failed to connect to host:port" and keeps the reason ("Connection refused") inside;
    // a cause already quoted by its wrapper is not repeated.
    public static string Of(Exception exception)
    {
        var parts = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (!parts.Any(part => part.Contains(current.Message, StringComparison.Ordinal)))
            {
                parts.Add(current.Message);
            }
        }

        return string.Join(": ", parts);
    }
}
