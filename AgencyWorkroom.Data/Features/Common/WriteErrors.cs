using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AgencyWorkroom.Data.Features.Common;

/// <summary>
/// Turns the database's refusals into what a form shows: a unique key into a message next to
/// its field, a row-level security refusal into a plain "you may not", a value no column can hold
/// (a NUL character, an amount past its digits, a date past the calendar) into what to fix. Anything else (the
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

        // Half of a surrogate pair (a broken emoji) has no UTF-8 form: Npgsql refuses it before sending.
        if ((ex as DbUpdateException)?.InnerException is EncoderFallbackException || ex is EncoderFallbackException)
        {
            return SaveResult.Refused(ValueRefused(PostgresErrorCodes.CharacterNotInRepertoire));
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
            // Class 22, a value the column cannot hold: what a paste or a typo brings, not a fault.
            { SqlState: var state } when state.StartsWith("22", StringComparison.Ordinal) => SaveResult.Refused(ValueRefused(state)),
            _ => null,
        };
    }

    private static string ValueRefused(string sqlState) => sqlState switch
    {
        PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter =>
            "A text holds a character that cannot be stored (a NUL character or half of an emoji, say). Remove it and save again.",
        PostgresErrorCodes.NumericValueOutOfRange => "A number is too large to store. Check the amounts and save again.",
        PostgresErrorCodes.DatetimeFieldOverflow or PostgresErrorCodes.InvalidDatetimeFormat =>
            "A date is outside the range the workroom keeps. Check the dates and save again.",
        PostgresErrorCodes.StringDataRightTruncation => "A text is longer than its field allows. Shorten it and save again.",
        _ => "A value could not be stored. Check the values and save again.",
    };
}
