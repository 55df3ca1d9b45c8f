using Microsoft.AspNetCore.Components.Web;

namespace AgencyWorkroom.Web.Components.Shared;

/// <summary>
/// The framework's error-boundary logger, silenced: the layout's boundary shows its failure through
/// <see cref="FriendlyError"/>, which logs it, so each failure is logged once. (Blazor's own logger
/// would also log it, and send its text to the browser's console when detailed errors are on.)
/// </summary>
public sealed class FriendlyErrorBoundaryLogger : IErrorBoundaryLogger
{
    public ValueTask LogErrorAsync(Exception exception) => ValueTask.CompletedTask;
}
