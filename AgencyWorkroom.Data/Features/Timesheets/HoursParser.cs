using System.Globalization;
using System.Text.RegularExpressions;

namespace AgencyWorkroom.Data.Features.Timesheets;

/// <summary>What a typed cell means: hours (null for a cleared cell), or why it means nothing.</summary>
public readonly record struct ParsedHours(decimal? Hours, string? Error)
{
    public bool Ok => Error is null;
}

/// <summary>
/// The one reading of typed time: <c>1:30</c>, <c>1.5</c>, <c>1,5</c>, <c>1h30</c>, <c>1h 30m</c>,
/// <c>90m</c> and <c>1h</c> all mean 1.5 hours; blank or 0 clears the cell. Whether the hours are
/// allowed (quarter hours, 24 a day) is the database's rule (021), not the parser's.
/// </summary>
public static partial class HoursParser
{
    public static ParsedHours Parse(string? text)
    {
        var s = (text ?? "").Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (s.Length == 0)
        {
            return new ParsedHours(null, null);
        }

        decimal? hours = null;
        if (Colon().Match(s) is { Success: true } colon)
        {
            var minutes = int.Parse(colon.Groups[2].Value, CultureInfo.InvariantCulture);
            if (minutes < 60)
            {
                hours = int.Parse(colon.Groups[1].Value, CultureInfo.InvariantCulture) + minutes / 60m;
            }
        }
        else if (Number().IsMatch(s))
        {
            hours = Decimal(s);
        }
        else if (HoursAndMinutes().Match(s) is { Success: true } hm)
        {
            var minutes = hm.Groups[2].Success ? int.Parse(hm.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
            if (minutes < 60)
            {
                hours = Decimal(hm.Groups[1].Value) + minutes / 60m;
            }
        }
        else if (Minutes().Match(s) is { Success: true } m)
        {
            hours = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) / 60m;
        }

        return hours switch
        {
            null => new ParsedHours(null, "Type hours as 1.5, 1:30 or 1h30."),
            0m => new ParsedHours(null, null),
            > 24m => new ParsedHours(null, "A day holds at most 24 hours."),
            { } h => new ParsedHours(decimal.Round(h, 2), null),
        };
    }

    /// <summary>Hours as the grid shows them: 1.5 as "1:30", 8 as "8:00".</summary>
    public static string Format(decimal hours)
    {
        var minutes = (int)decimal.Round(hours * 60m);
        return string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}:{minutes % 60:00}");
    }

    [GeneratedRegex(@"^(\d{1,2}):(\d{2})$")]
    private static partial Regex Colon();

    [GeneratedRegex(@"^(\d{1,2}(?:[.,]\d{1,2})?)h(?:(\d{1,2})m?)?$")]
    private static partial Regex HoursAndMinutes();

    [GeneratedRegex(@"^(\d{1,4})m$")]
    private static partial Regex Minutes();

    private static decimal Decimal(string text) =>
        decimal.Parse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{1,2}(?:[.,]\d{1,2})?$|^[.,]\d{1,2}$")]
    private static partial Regex Number();
}
