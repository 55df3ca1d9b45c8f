namespace AgencyWorkroom.Data.Features.Campaigns;

/// <summary>When a campaign's budget runs out at the pace it has burnt so far.</summary>
/// <param name="RunOutDate">The projected (or, when already spent, the actual) week the spend reaches the budget; null when it never will at this pace.</param>
/// <param name="AlreadySpent">The spend has reached the budget.</param>
/// <param name="DailyBurn">Spend per day since the start.</param>
public sealed record BurnForecast(DateOnly? RunOutDate, bool AlreadySpent, decimal DailyBurn)
{
    /// <summary>Null when there is nothing to project: no budget, or no spend the role may see.</summary>
    public static BurnForecast? Project(IReadOnlyList<BurnPointRow> burn, decimal budget, DateOnly start, DateOnly today)
    {
        if (budget <= 0 || burn.Count == 0 || burn[^1].CumulativeSpend is not { } spent)
        {
            return null;
        }

        var days = Math.Max(1, today.DayNumber - start.DayNumber + 1);
        var daily = spent / days;
        if (spent >= budget)
        {
            return new BurnForecast(burn.First(p => p.CumulativeSpend >= budget).WeekStart, true, daily);
        }

        if (daily <= 0 || today < start)
        {
            return new BurnForecast(null, false, daily);
        }

        var daysLeft = (int)Math.Ceiling((budget - spent) / daily);
        var runOut = today.DayNumber + (long)daysLeft <= DateOnly.MaxValue.DayNumber ? today.AddDays(daysLeft) : (DateOnly?)null;
        return new BurnForecast(runOut, false, daily);
    }
}
