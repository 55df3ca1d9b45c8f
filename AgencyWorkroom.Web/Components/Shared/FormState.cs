using AgencyWorkroom.Data.Features.Common;
using Microsoft.AspNetCore.Components.Forms;

namespace AgencyWorkroom.Web.Components.Shared;

/// <summary>
/// A form's life around one save: the edit context, the database's refusals shown next to their
/// fields (a taken code, say) or above them, "saving" while the write runs, and a failure (the
/// database unreachable) kept for a friendly message with a retry, the form as it was typed.
/// </summary>
public sealed class FormState
{
    private readonly ValidationMessageStore _serverMessages;

    public FormState(object model)
    {
        EditContext = new EditContext(model);
        _serverMessages = new ValidationMessageStore(EditContext);
        // A refusal is about the value it was given: editing the field clears it.
        EditContext.OnFieldChanged += (_, e) => _serverMessages.Clear(e.FieldIdentifier);
        EditContext.OnValidationRequested += (_, _) => _serverMessages.Clear();
    }

    public EditContext EditContext { get; }

    public bool Saving { get; private set; }

    /// <summary>A refusal that belongs to no one field (the role may not write, say).</summary>
    public string? Error { get; private set; }

    /// <summary>The save failed rather than being refused.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Runs the save; returns its result, or null when it failed (see <see cref="Failure"/>).</summary>
    public async Task<SaveResult?> SaveAsync(Func<Task<SaveResult>> save)
    {
        Saving = true;
        Error = null;
        Failure = null;
        _serverMessages.Clear();
        try
        {
            var result = await save();
            foreach (var (field, message) in result.FieldErrors)
            {
                _serverMessages.Add(EditContext.Field(field), message);
            }

            EditContext.NotifyValidationStateChanged();
            Error = result.Error;
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Failure = ex;
            return null;
        }
        finally
        {
            Saving = false;
        }
    }
}
