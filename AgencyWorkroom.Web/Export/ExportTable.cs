using System.Globalization;

namespace AgencyWorkroom.Web.Export;

/// <summary>How a column's values are written: as text, or as a number in one of the house formats.</summary>
public enum ExportFormat
{
    Text,
    Date,
    Count,
    Hours,
    Money,
    Percent,
}

/// <summary>One column of a downloadable table: its header, its format and how a row gives its value
/// (null for none: an empty cell, never 0, where a role may not see money).</summary>
public sealed record ExportColumn<T>(string Header, ExportFormat Format, Func<T, object?> Value);

/// <summary>
/// A table as the screen shows it, written once and downloaded as CSV (<see cref="Csv"/>, through
/// the export endpoints' writer) or as an Excel sheet (<see cref="ExcelWorkbook"/>).
/// </summary>
public sealed record ExportTable<T>(string Title, IReadOnlyList<ExportColumn<T>> Columns)
{
    public string[] Header => Columns.Select(c => c.Header).ToArray();

    /// <summary>A row's cells as CSV text: numbers in the invariant culture, dates as yyyy-MM-dd.</summary>
    public string[] Record(T row) => Columns.Select(c => Text(c.Value(row))).ToArray();

    private static string Text(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
