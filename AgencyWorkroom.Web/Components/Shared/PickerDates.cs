using System.Globalization;

namespace AgencyWorkroom.Web.Components.Shared;

/// <summary>
/// MudDatePicker speaks <see cref="DateTime"/>; our days are <see cref="DateOnly"/> (a day has no
/// time and no zone). The one place the two meet, and how a day reads in a URL.
/// </summary>
public static class PickerDates
{
    /// <summary>A day as the picker's value: midnight of that day.</summary>
    public static DateTime? ToPicker(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue);

    /// <summary>A day as the picker's value: midnight of that day.</summary>
    public static DateTime ToPicker(DateOnly day) => day.ToDateTime(TimeOnly.MinValue);

    /// <summary>The day the picker chose, whatever time of it.</summary>
    public static DateOnly? FromPicker(DateTime? chosen) => chosen is { } value ? FromPicker(value) : null;

    /// <summary>The day the picker chose, whatever time of it.</summary>
    public static DateOnly FromPicker(DateTime chosen) => DateOnly.FromDateTime(chosen);

    /// <summary>The day the picker chose as a URL query value (yyyy-MM-dd), or null to drop it.</summary>
    public static string? ToQuery(DateTime? chosen) => FromPicker(chosen)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
