using System.Globalization;
using AgencyWorkroom.Data.Features.Analytics;

namespace AgencyWorkroom.Web.Export;

/// <summary>The forecast panel's table as CSV: one row a month, money empty where SQL returned none.</summary>
public static partial class ExportEndpoints
{
    private static readonly string[] ForecastHeader =
    [
        "Month", "Booked hours", "Unstaffed role hours", "Capacity hours", "Free hours", "Could still sell hours",
        "Currency", "Time revenue", "Fees", "Revenue", "Cost", "Margin", "Unpriced hours",
    ];

    private static void MapForecast(RouteGroupBuilder exports) =>
        exports.MapGet("/forecast.csv", async ([AsParameters] ForecastExportQuery query, IForecastQueries forecasts, CancellationToken cancellationToken) =>
        {
            var forecast = await forecasts.GetAsync(query.ToRequest(), cancellationToken);
            return Results.File(ToCsv(ForecastHeader, forecast.Months, m => ForecastRecord(forecast, m)), "text/csv",
                $"forecast-{forecast.From:yyyy-MM-dd}-{forecast.Request.Horizon}-months.csv");
        });

    private static string[] ForecastRecord(ForecastDto forecast, ForecastMonthDto m) =>
    [
        m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), Number(m.AllocatedHours), Number(m.PlaceholderHours),
        Number(m.CapacityHours), Number(m.FreeHours), Number(m.SellableHours), forecast.ShowsMoney ? forecast.Currency : "",
        // Empty, not zero, where the person's role may not see money.
        Number(m.TimeRevenue), Number(m.FeeRevenue), Number(m.Revenue), Number(m.Cost), Number(m.Margin), Number(m.UnpricedHours),
    ];
}

/// <summary>The forecast panel's choices as they appear in its export URL.</summary>
public sealed record ForecastExportQuery(int? Months, bool? Tentative, Guid? Client)
{
    public ForecastRequest ToRequest() => new(Months ?? ForecastRequest.DefaultMonths, Tentative ?? true, Client);
}
