using AgencyWorkroom.Data.Features.Analytics;
using ClosedXML.Excel;

namespace AgencyWorkroom.Web.Export;

/// <summary>
/// The invoice-ready workbook finance hands to the accounting system: a summary sheet with each
/// client's totals per currency, then one sheet per client with its lines (time by campaign,
/// person, role and rate; expenses one by one). The figures are agency.invoice_lines' as they come.
/// </summary>
public static class InvoiceWorkbook
{
    public static readonly ExportTable<InvoiceLineDto> Lines = new("Invoice lines",
    [
        new("Client code", ExportFormat.Text, l => l.ClientCode),
        new("Client", ExportFormat.Text, l => l.ClientName),
        new("Kind", ExportFormat.Text, l => l.Kind),
        new("Campaign code", ExportFormat.Text, l => l.CampaignCode),
        new("Campaign", ExportFormat.Text, l => l.CampaignName),
        new("Person", ExportFormat.Text, l => l.Person),
        new("Role", ExportFormat.Text, l => l.RoleName),
        new("Date", ExportFormat.Date, l => l.LineDate),
        new("Description", ExportFormat.Text, l => l.Description),
        new("Hours", ExportFormat.Hours, l => l.Hours),
        new("Rate", ExportFormat.Money, l => l.Rate),
        new("Amount", ExportFormat.Money, l => l.Amount),
        new("Currency", ExportFormat.Text, l => l.Currency),
    ]);

    /// <summary>One client's totals in one currency.</summary>
    public sealed record ClientTotal(string ClientCode, string ClientName, string Currency, decimal Hours, decimal Time, decimal Expenses, int UnpricedLines)
    {
        public decimal Total => Time + Expenses;
    }

    public static readonly ExportTable<ClientTotal> Summary = new("Summary",
    [
        new("Client code", ExportFormat.Text, t => t.ClientCode),
        new("Client", ExportFormat.Text, t => t.ClientName),
        new("Currency", ExportFormat.Text, t => t.Currency),
        new("Hours", ExportFormat.Hours, t => t.Hours),
        new("Time", ExportFormat.Money, t => t.Time),
        new("Expenses", ExportFormat.Money, t => t.Expenses),
        new("Total", ExportFormat.Money, t => t.Total),
        new("Time lines without a rate", ExportFormat.Count, t => t.UnpricedLines),
    ]);

    /// <summary>Adds up the lines as they will be invoiced; the amounts are SQL's, only summed here.</summary>
    public static IReadOnlyList<ClientTotal> Totals(IEnumerable<InvoiceLineDto> lines) =>
        lines.GroupBy(l => (l.ClientId, l.ClientCode, l.ClientName, l.Currency))
            .Select(g => new ClientTotal(g.Key.ClientCode, g.Key.ClientName, g.Key.Currency,
                g.Sum(l => l.Hours ?? 0),
                g.Where(l => l.Kind == "time").Sum(l => l.Amount ?? 0),
                g.Where(l => l.Kind == "expense").Sum(l => l.Amount ?? 0),
                g.Count(l => l.Kind == "time" && l.Amount is null)))
            .OrderBy(t => t.ClientName).ThenBy(t => t.Currency)
            .ToList();

    public static byte[] Write(InvoiceLines invoices)
    {
        using var workbook = new XLWorkbook();
        var summary = ExcelWorkbook.AddSheet(workbook, Summary, Totals(invoices.Lines));
        // Where the period is written for whoever opens the file later: beside the table, not in it.
        var note = summary.Cell(1, Summary.Columns.Count + 2);
        note.SetValue($"Approved billable time and approved expenses, {invoices.From:yyyy-MM-dd} to {invoices.To:yyyy-MM-dd}");
        note.Style.Font.Italic = true;

        foreach (var client in invoices.Lines.GroupBy(l => l.ClientId))
        {
            var first = client.First();
            // The code leads the sheet's name: codes are unique, so the names stay unique when cut to 31.
            ExcelWorkbook.AddSheet(workbook, Lines with { Title = $"{first.ClientCode} {first.ClientName}" }, client);
        }

        return ExcelWorkbook.Save(workbook);
    }
}
