namespace AgencyWorkroom.Data.Features.Common;

/// <summary>
/// A person's search text as an ILIKE pattern that matches it anywhere, wildcards taken literally.
/// Use it as <c>EF.Functions.ILike(column, pattern, SearchPattern.Escape)</c>: without the escape
/// argument Npgsql sends <c>ESCAPE ''</c>, and the backslashes below would be matched as text.
/// </summary>
public static class SearchPattern
{
    public const string Escape = @"\";

    public static string Contains(string text) =>
        "%" + text.Trim().Replace(Escape, Escape + Escape).Replace("%", Escape + "%").Replace("_", Escape + "_") + "%";
}
