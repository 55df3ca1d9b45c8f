namespace AgencyWorkroom.Data.DemoData;

/// <summary>
/// The dates the demo data hangs on. Everything is placed relative to the Monday of the current
/// week (the anchor), so the data always looks current and two runs in the same week place every
/// date alike; what counts as past or future is decided by <see cref="Today"/>.
/// </summary>
public sealed record DemoCalendar(DateOnly Today, DateTime Now)
{
    /// <summary>Eighteen months of history.</summary>
    public const int HistoryWeeks = 78;

    /// <summary>Forward allocations cover this week and the eleven after it.</summary>
    public const int AllocationWeeks = 12;

    public static DemoCalendar At(DateTimeOffset now) =>
        new(DateOnly.FromDateTime(now.UtcDateTime), DateTime.SpecifyKind(now.UtcDateTime, DateTimeKind.Utc));

    public DateOnly ThisWeek => MondayOf(Today);

    public DateOnly LastWeek => ThisWeek.AddDays(-7);

    public DateOnly HistoryStart => ThisWeek.AddDays(-7 * HistoryWeeks);

    /// <summary>Monday of the date's week, the same arithmetic as the schema's set_week_start_date.</summary>
    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>A UTC instant on a day, never later than <see cref="Now"/>.</summary>
    public DateTime At(DateOnly day, int hour, int minute = 0) => NotAfterNow(day.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Utc));

    /// <summary>The instant, or for one still to come, a moment in the six hours before now (how far
    /// ahead it was decides which), so what happened "today" does not all share one timestamp.</summary>
    public DateTime NotAfterNow(DateTime instant) =>
        instant <= Now ? instant : Now.AddMinutes(-1 - (instant - Now).TotalMinutes % 360);
}
