using System.Globalization;

namespace AgencyWorkroom.Web.Components.Shared;

/// <summary>
/// How figures read on every screen. A null is a figure the database withheld (money for a role
/// without finance) or does not have, and reads as an em dash, never as 0.
/// </summary>
public static class Formats
{
    public const string Missing = "—";

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Money(decimal? value, string? currency = null) =>
        value is { } amount ? (string.IsNullOrEmpty(currency) ? "" : currency + " ") + amount.ToString("N0", Culture) : Missing;

    /// <summary>A rate per hour, to the cent, with its currency.</summary>
    public static string Rate(decimal? value, string? currency = null) =>
        value is { } amount ? (string.IsNullOrEmpty(currency) ? "" : currency + " ") + amount.ToString("N2", Culture) : Missing;

    /// <summary>A fraction (0.25) as a percentage ("25 %").</summary>
    public static string Percent(decimal? fraction) =>
        fraction is { } value ? (value * 100).ToString("0.#", Culture) + " %" : Missing;

    public static string Hours(decimal? hours) => hours is { } value ? value.ToString("#,0.##", Culture) + " h" : Missing;

    public static string Date(DateOnly? date) => date is { } value ? value.ToString("d MMM yyyy", Culture) : Missing;

    public static string Date(DateTimeOffset? moment) => moment is { } value ? value.ToString("d MMM yyyy HH:mm", Culture) : Missing;
}
