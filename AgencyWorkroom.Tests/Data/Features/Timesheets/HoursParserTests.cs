using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.Timesheets;

namespace AgencyWorkroom.Tests.Data.Features.Timesheets;

public sealed class HoursParserTests
{
    [Theory]
    [InlineData("1:30", 1.5)]
    [InlineData("1.5", 1.5)]
    [InlineData("1,5", 1.5)]
    [InlineData("1h30", 1.5)]
    [InlineData("1h 30m", 1.5)]
    [InlineData("1H30M", 1.5)]
    [InlineData("90m", 1.5)]
    [InlineData("8", 8)]
    [InlineData("8h", 8)]
    [InlineData(".25", 0.25)]
    [InlineData("0:15", 0.25)]
    [InlineData(" 2:45 ", 2.75)]
    [InlineData("24", 24)]
    public void Parse_TheWaysPeopleTypeTime_MeanTheSameHours(string typed, double hours)
    {
        var parsed = HoursParser.Parse(typed);

        Assert.True(parsed.Ok, parsed.Error);
        Assert.Equal((decimal)hours, parsed.Hours);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("0:00")]
    public void Parse_BlankOrZero_ClearsTheCell(string? typed)
    {
        var parsed = HoursParser.Parse(typed);

        Assert.True(parsed.Ok);
        Assert.Null(parsed.Hours);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1:75")]
    [InlineData("1h75")]
    [InlineData("-2")]
    [InlineData("1.5.5")]
    [InlineData("25")]
    [InlineData("24:15")]
    public void Parse_Nonsense_IsAnErrorNotAValue(string typed)
    {
        var parsed = HoursParser.Parse(typed);

        Assert.False(parsed.Ok);
        Assert.Null(parsed.Hours);
    }

    [Theory]
    [InlineData(1.5, "1:30")]
    [InlineData(8, "8:00")]
    [InlineData(0.25, "0:15")]
    public void Format_ShowsHoursAndMinutes(double hours, string shown) => Assert.Equal(shown, HoursParser.Format((decimal)hours));

    [Theory]
    [InlineData("2026-11-30", "2026-11-30")]
    [InlineData("2026-12-06", "2026-11-30")]
    [InlineData("2026-12-02", "2026-11-30")]
    public void Weeks_StartOnMonday(string day, string monday) =>
        Assert.Equal(DateOnly.Parse(monday), Weeks.StartOf(DateOnly.Parse(day)));

    [Theory]
    [InlineData("2026-11-30T11:59", null)]
    [InlineData("2026-11-30T12:00", "2026-11-23")]
    [InlineData("2026-12-03T08:00", "2026-11-23")]
    public void Reminders_AreDueFromMondayNoonForThePreviousWeek(string now, string? week) =>
        Assert.Equal(week is null ? null : DateOnly.Parse(week), TimesheetReminders.DueWeek(DateTime.Parse(now)));
}
