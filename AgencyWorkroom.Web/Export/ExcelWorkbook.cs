using ClosedXML.Excel;

namespace AgencyWorkroom.Web.Export;

/// <summary>
/// The one Excel writer: any <see cref="ExportTable{T}"/> as a sheet with a bold, frozen header
/// row, numbers as numbers in the house formats (hours with two decimals, money with thousands
/// separators and two decimals, shares as percentages, dates as dates) and empty cells where the
/// value is null. Column widths are set from the text, not measured (ClosedXML's measuring needs
/// System.Drawing's fonts, which Linux servers do not have).
/// </summary>
public static class ExcelWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string HoursFormat = "#,##0.00";
    public const string MoneyFormat = "#,##0.00";
    public const string PercentFormat = "0.0%";
    public const string DateFormat = "yyyy-mm-dd";

    public static byte[] Write<T>(ExportTable<T> table, IEnumerable<T> rows)
    {
        using var workbook = new XLWorkbook();
        AddSheet(workbook, table, rows);
        return Save(workbook);
    }

    /// <summary>A workbook of several sheets (built with <see cref="AddSheet{T}"/>) as the file's bytes.</summary>
    public static byte[] Save(XLWorkbook workbook)
    {
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }

    public static IXLWorksheet AddSheet<T>(XLWorkbook workbook, ExportTable<T> table, IEnumerable<T> rows)
    {
        // Sheet names: at most 31 characters, none of : \ / ? * [ ].
        var name = new string(table.Title.Where(c => !":\\/?*[]".Contains(c)).Take(31).ToArray());
        var sheet = workbook.Worksheets.Add(string.IsNullOrWhiteSpace(name) ? "Sheet1" : name);
        var widths = new int[table.Columns.Count];
        for (var c = 0; c < table.Columns.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = table.Columns[c].Header;
            widths[c] = table.Columns[c].Header.Length;
        }

        var header = sheet.Range(1, 1, 1, table.Columns.Count);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#EEEEEE");

        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var column = table.Columns[c];
                var value = column.Value(row);
                var cell = sheet.Cell(r, c + 1);
                switch (value)
                {
                    case null:
                        break;
                    case DateOnly d:
                        cell.Value = d.ToDateTime(TimeOnly.MinValue);
                        cell.Style.NumberFormat.Format = DateFormat;
                        widths[c] = Math.Max(widths[c], 10);
                        break;
                    case decimal or int or long or double:
                        cell.Value = Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture);
                        cell.Style.NumberFormat.Format = column.Format switch
                        {
                            ExportFormat.Money => MoneyFormat,
                            ExportFormat.Percent => PercentFormat,
                            ExportFormat.Count => "0",
                            _ => HoursFormat,
                        };
                        widths[c] = Math.Max(widths[c], 14);
                        break;
                    default:
                        var text = value.ToString() ?? "";
                        // Text stays text: a name starting with = is not a formula.
                        cell.SetValue(text);
                        cell.DataType = XLDataType.Text;
                        widths[c] = Math.Max(widths[c], Math.Min(text.Length, 60));
                        break;
                }
            }

            r++;
        }

        for (var c = 0; c < widths.Length; c++)
        {
            sheet.Column(c + 1).Width = widths[c] + 2;
        }

        sheet.SheetView.FreezeRows(1);
        return sheet;
    }
}
