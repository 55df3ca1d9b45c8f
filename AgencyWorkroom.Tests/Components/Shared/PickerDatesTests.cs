using AgencyWorkroom.Web.Components.Shared;

namespace AgencyWorkroom.Tests.Components.Shared;

public sealed class PickerDatesTests
{
    [Fact]
    public void ADay_GoesToThePickerAsMidnight_AndComesBackTheSameDayWhateverTheTime()
    {
        var day = new DateOnly(2026, 2, 28);

        Assert.Equal(new DateTime(2026, 2, 28, 0, 0, 0), PickerDates.ToPicker(day));
        Assert.Equal(day, PickerDates.FromPicker(new DateTime(2026, 2, 28, 23, 59, 59)));
        Assert.Equal("2026-02-28", PickerDates.ToQuery(new DateTime(2026, 2, 28, 13, 0, 0)));
    }

    [Fact]
    public void NoDay_StaysNone()
    {
        Assert.Null(PickerDates.ToPicker((DateOnly?)null));
        Assert.Null(PickerDates.FromPicker((DateTime?)null));
        Assert.Null(PickerDates.ToQuery(null));
    }
}
