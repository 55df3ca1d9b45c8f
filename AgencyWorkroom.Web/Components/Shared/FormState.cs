using AgencyWorkroom.Data.Features.Common;
using Microsoft.AspNetCore.Components.Forms;

namespace AgencyWorkroom.Web.Components.Shared;

/// <summary>
/// A form's life around one save: the edit context, the database's refusals shown next to their
/// fields (a taken code, say) or above them, "saving" while the write runs, and a failure (the
/// database unreachable) kept for a friendly message with a retry, the form as it was typed.
/// One save at a time: a second click while the first runs does nothing.
/// </summary>
public sealed class FormState
{
    private readonly ValidationMessageStore _serverMessages;
    private readonly object _model;

    public FormState(object model)
    {
        _model = model;
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

    /// <summary>Someone else saved the row since the form was read: who and when (shown above the form).</summary>
    public string? Conflict { get; private set; }

    /// <summary>The save failed rather than being refused.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>
    /// Runs the save; returns its result, or null when it failed (see <see cref="Failure"/>) or when
    /// another save of this form is still running (then <paramref name="save"/> is not called).
    /// </summary>
    public async Task<SaveResult?> SaveAsync(Func<Task<SaveResult>> save)
    {
        // Blazor runs a circuit's events one at a time, so this check and the flag below cannot interleave.
        if (Saving)
        {
            return null;
        }

        Saving = true;
        Error = null;
        Conflict = null;
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
            if (result is { IsConflict: true, CurrentVersion: var current } && _model is RowForm form)
            {
                // The typed values stay; the next save is made knowing of their change.
                form.Version = current;
                Conflict = result.Error;
            }
            else
            {
                Error = result.Error;
            }

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
