using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AgencyWorkroom.Data.Features.Common;

/// <summary>
/// Turns the database's refusals into what a form shows: a unique key into a message next to
/// its field, a row-level security refusal into a plain "you may not". Anything else (the
/// database unreachable, say) is not a refusal and is left to the screen's error handling.
/// </summary>
public sealed class WriteErrors
{
    private readonly Dictionary<string, (string Field, string Message)> _constraints = new(StringComparer.Ordinal);

    public WriteErrors(string refused) => Refused = refused;

    /// <summary>What a person whose role may not write is told.</summary>
    public string Refused { get; }

    /// <summary>Shows a violation of the named constraint next to a field, or above the form when the field is empty.</summary>
    public WriteErrors On(string constraint, string field, string message)
    {
        _constraints[constraint] = (field, message);
        return this;
    }

    /// <summary>Runs the write; a write that changed no row (hidden or not allowed) counts as refused.</summary>
    public Task<SaveResult> RunAsync(Func<Task<Guid?>> write) =>
        RunAsync(async () => await write() is { } id ? SaveResult.Saved(id) : SaveResult.Refused(Refused));

    /// <summary>Runs a write that decides its own result; the database's refusals are translated as above.</summary>
    public async Task<SaveResult> RunAsync(Func<Task<SaveResult>> write)
    {
        try
        {
            return await write();
        }
        catch (Exception ex) when (Translate(ex) is { } result)
        {
            return result;
        }
    }

    private SaveResult? Translate(Exception ex)
    {
        // An update that row-level security let read but not write changes no row (EntityWrites
        // tells a newer version, someone else's save, apart from this first).
        if (ex is DbUpdateConcurrencyException)
        {
            return SaveResult.Refused(Refused);
        }

        var postgres = ex as PostgresException ?? (ex as DbUpdateException)?.InnerException as PostgresException;
        // A named constraint first: a trigger may refuse with a privilege error that names the rule
        // it enforces (022's rate_history_is_kept), which says more than "you may not".
        return postgres switch
        {
            { ConstraintName: { } name } when _constraints.TryGetValue(name, out var field) =>
                field.Field.Length == 0 ? SaveResult.Refused(field.Message) : SaveResult.Field(field.Field, field.Message),
            { SqlState: PostgresErrorCodes.InsufficientPrivilege } => SaveResult.Refused(Refused),
            { SqlState: PostgresErrorCodes.CheckViolation or PostgresErrorCodes.ForeignKeyViolation or PostgresErrorCodes.UniqueViolation } =>
                SaveResult.Refused($"The database refused the change ({postgres.ConstraintName}). Check the values and try again."),
            _ => null,
        };
    }
}
