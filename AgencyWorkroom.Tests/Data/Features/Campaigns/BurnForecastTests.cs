using AgencyWorkroom.Data.Features.Campaigns;

namespace AgencyWorkroom.Tests.Data.Features.Campaigns;

public sealed class BurnForecastTests
{
    private static readonly DateOnly Start = new(2026, 3, 2);

    [Fact]
    public void Project_SteadyBurn_RunsOutWhenThePaceReachesTheBudget()
    {
        // 1,000 spent over the first 10 days: 100 a day, 9,000 left, 90 days more.
        var forecast = BurnForecast.Project([Point(Start, 400m), Point(Start.AddDays(7), 1_000m)], 10_000m, Start, Start.AddDays(9));

        Assert.NotNull(forecast);
        Assert.False(forecast.AlreadySpent);
        Assert.Equal(100m, forecast.DailyBurn);
        Assert.Equal(Start.AddDays(99), forecast.RunOutDate);
    }

    [Fact]
    public void Project_SpendPastTheBudget_GivesTheWeekItRanOut()
    {
        var forecast = BurnForecast.Project(
            [Point(Start, 400m), Point(Start.AddDays(7), 1_200m), Point(Start.AddDays(14), 1_500m)], 1_000m, Start, Start.AddDays(20));

        Assert.True(forecast!.AlreadySpent);
        Assert.Equal(Start.AddDays(7), forecast.RunOutDate);
    }

    [Fact]
    public void Project_MoneyWithheld_HasNothingToProject()
    {
        Assert.Null(BurnForecast.Project([Point(Start, null)], 10_000m, Start, Start.AddDays(9)));
        Assert.Null(BurnForecast.Project([], 10_000m, Start, Start.AddDays(9)));
        Assert.Null(BurnForecast.Project([Point(Start, 5m)], 0m, Start, Start.AddDays(9)));
    }

    [Fact]
    public void Project_NothingSpent_NeverRunsOut()
    {
        var forecast = BurnForecast.Project([Point(Start, 0m)], 10_000m, Start, Start.AddDays(9));

        Assert.Null(forecast!.RunOutDate);
        Assert.False(forecast.AlreadySpent);
    }

    private static BurnPointRow Point(DateOnly week, decimal? spend) => new() { WeekStart = week, CumulativeSpend = spend };
}
