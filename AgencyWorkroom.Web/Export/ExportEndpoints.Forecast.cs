using AgencyWorkroom.Data.Features.Analytics;
using ClosedXML.Excel;

namespace AgencyWorkroom.Web.Export;

/// <summary>The forecast panel's tables: by month as CSV; by month and by client, a sheet each, as Excel.</summary>
public static partial class ExportEndpoints
{
    private static void MapForecast(RouteGroupBuilder exports) =>
        exports.MapGet("/forecast.{format}", async (string format, [AsParameters] ForecastExportQuery query, IForecastQueries forecasts, CancellationToken cancellationToken) =>
        {
            var forecast = await forecasts.GetAsync(query.ToRequest(), cancellationToken);
            var name = $"forecast-{forecast.From:yyyy-MM-dd}-{forecast.Request.Horizon}-months";
            return format == "xlsx"
                ? Results.File(ForecastExports.Workbook(forecast), ExcelWorkbook.ContentType, $"{name}.xlsx")
                : Table(ForecastExports.Months(forecast), forecast.Months, format, name);
        });
}

/// <summary>The forecast's tables column by column. Money is the service's as it comes: null, so an
/// empty cell, where the caller's role may not see it; the currency only where there is money.</summary>
public static class ForecastExports
{
    public static ExportTable<ForecastMonthDto> Months(ForecastDto forecast) => new("Forecast by month",
    [
        new("Month", ExportFormat.Text, m => m.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)),
        new("Booked hours", ExportFormat.Hours, m => m.AllocatedHours),
        new("Unstaffed role hours", ExportFormat.Hours, m => m.PlaceholderHours),
        new("Capacity hours", ExportFormat.Hours, m => m.CapacityHours),
        new("Free hours", ExportFormat.Hours, m => m.FreeHours),
        new("Could still sell hours", ExportFormat.Hours, m => m.SellableHours),
        new("Currency", ExportFormat.Text, _ => forecast.ShowsMoney ? forecast.Currency : null),
        new("Time revenue", ExportFormat.Money, m => m.TimeRevenue),
        new("Fees", ExportFormat.Money, m => m.FeeRevenue),
        new("Revenue", ExportFormat.Money, m => m.Revenue),
        new("Cost", ExportFormat.Money, m => m.Cost),
        new("Margin", ExportFormat.Money, m => m.Margin),
        new("Unpriced hours", ExportFormat.Hours, m => m.UnpricedHours),
    ]);

    public static byte[] Workbook(ForecastDto forecast)
    {
        using var workbook = new XLWorkbook();
        ExcelWorkbook.AddSheet(workbook, Months(forecast), forecast.Months);
        ExcelWorkbook.AddSheet(workbook, Clients(forecast), forecast.Clients);
        return ExcelWorkbook.Save(workbook);
    }

    public static ExportTable<ForecastClientDto> Clients(ForecastDto forecast) => new("Forecast by client",
    [
        new("Client", ExportFormat.Text, c => c.ClientName),
        new("Booked hours", ExportFormat.Hours, c => c.AllocatedHours),
        new("Unstaffed role hours", ExportFormat.Hours, c => c.PlaceholderHours),
        new("Currency", ExportFormat.Text, _ => forecast.ShowsMoney ? forecast.Currency : null),
        new("Time revenue", ExportFormat.Money, c => c.TimeRevenue),
        new("Fees", ExportFormat.Money, c => c.FeeRevenue),
        new("Revenue", ExportFormat.Money, c => c.Revenue),
        new("Cost", ExportFormat.Money, c => c.Cost),
        new("Margin", ExportFormat.Money, c => c.Margin),
    ]);
}

/// <summary>The forecast panel's choices as they appear in its export URL.</summary>
public sealed record ForecastExportQuery(int? Months, bool? Tentative, Guid? Client)
{
    public ForecastRequest ToRequest() => new(Months ?? ForecastRequest.DefaultMonths, Tentative ?? true, Client);
}
