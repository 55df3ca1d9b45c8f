namespace AgencyWorkroom.Data.Features.Analytics;

/// <summary>
/// What the forecast is asked for: <see cref="Months"/> calendar months from the month of
/// <see cref="From"/> (today unless given; the first month counts only the days from it on),
/// tentative work in or out, and optionally one client's revenue and cost.
/// </summary>
public sealed record ForecastRequest(int Months = ForecastRequest.DefaultMonths, bool IncludeTentative = true, Guid? ClientId = null, DateOnly? From = null)
{
    public const int DefaultMonths = 6;

    /// <summary>The horizons the panel offers.</summary>
    public static readonly int[] Horizons = [3, 6, 12];

    /// <summary>One of <see cref="Horizons"/>; anything else reads as the default.</summary>
    public int Horizon => Horizons.Contains(Months) ? Months : DefaultMonths;
}

/// <summary>One month ahead, for the whole agency (or the client asked for).</summary>
/// <param name="TimeRevenue">Allocated hours × the bill rate in force each day (agency.rate_for), on billable time-and-materials campaigns; null unless finance or leadership.</param>
/// <param name="FeeRevenue">Fixed fees and retainers that the month recognises (agency.fee_recognised_to); null unless finance or leadership.</param>
/// <param name="Cost">Allocated hours × the cost rate in force each day; null unless finance or leadership.</param>
/// <param name="UnpricedHours">Allocated hours that no rate prices (revenue or cost left out); null unless finance or leadership.</param>
/// <param name="CapacityHours">The agency's capacity net of approved time off: not narrowed by a client.</param>
/// <param name="FreeHours">Each person's capacity less their allocations, never below 0, summed.</param>
/// <param name="SellableHours">Free hours less the placeholders' hours, never below 0: the hours we could still sell.</param>
public sealed record ForecastMonthDto(
    DateOnly Month, decimal AllocatedHours, decimal PlaceholderHours,
    decimal? TimeRevenue, decimal? FeeRevenue, decimal? Revenue, decimal? Cost, decimal? Margin, decimal? UnpricedHours,
    decimal CapacityHours, decimal FreeHours, decimal SellableHours);

/// <summary>One client over the whole horizon.</summary>
public sealed record ForecastClientDto(
    Guid ClientId, string ClientName, decimal AllocatedHours, decimal PlaceholderHours,
    decimal? TimeRevenue, decimal? FeeRevenue, decimal? Revenue, decimal? Cost, decimal? Margin);

/// <summary>The forecast panel's figures: months in order (every month of the horizon, empty ones as 0), clients by revenue, then hours.</summary>
/// <param name="ShowsMoney">Whether the caller may see money (agency.can_see_financials); when false every money figure is null.</param>
public sealed record ForecastDto(
    ForecastRequest Request, DateOnly From, string Currency, bool ShowsMoney,
    IReadOnlyList<ForecastMonthDto> Months, IReadOnlyList<ForecastClientDto> Clients)
{
    /// <summary>Nothing booked, sold or (for the whole agency) available: for one client, its work alone counts.</summary>
    public bool IsEmpty => Months.All(m => m.AllocatedHours == 0 && m.PlaceholderHours == 0 && (m.Revenue ?? 0) == 0
                                           && (Request.ClientId is not null || m.CapacityHours == 0));
}
