using Microsoft.AspNetCore.Components;

namespace AgencyWorkroom.Web.Components.Account;

/// <summary>Redirects from the statically rendered account pages, never to another site.</summary>
public sealed class IdentityRedirectManager(NavigationManager navigation)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookie = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public void RedirectTo(string? uri)
    {
        uri ??= "";
        // Only local paths: a crafted returnUrl must not send a person elsewhere.
        if (!Uri.IsWellFormedUriString(uri, UriKind.Relative) || uri.StartsWith("//", StringComparison.Ordinal))
        {
            uri = navigation.ToBaseRelativePath(uri);
        }

        navigation.NavigateTo(uri);
    }

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context) =>
        RedirectToWithStatus(navigation.ToAbsoluteUri(navigation.Uri).GetLeftPart(UriPartial.Path), message, context);

    /// <summary>Another local page, which shows <paramref name="message"/> once (its StatusMessage).</summary>
    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookie.Build(context));
        RedirectTo(uri);
    }
}
