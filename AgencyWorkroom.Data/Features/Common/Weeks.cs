namespace AgencyWorkroom.Data.Features.Common;

/// <summary>Weeks start on Monday, as <c>week_start_date</c> does in the database.</summary>
public static class Weeks
{
    public static DateOnly StartOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
