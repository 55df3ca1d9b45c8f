using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AgencyWorkroom.Data.DemoData;

namespace AgencyWorkroom.Tests.Data.DemoData;

/// <summary>The generator in memory, without a database.</summary>
public sealed class DemoDataGeneratorTests
{
    private static readonly DemoCalendar Wednesday = DemoCalendar.At(new DateTimeOffset(2026, 3, 18, 9, 30, 0, TimeSpan.Zero));

    [Fact]
    public void Generate_TwiceTheSameDay_GivesTheSameRowsAndIds()
    {
        var first = DemoDataGenerator.Generate(DemoTenantProfile.Bluebird, Wednesday);
        var second = DemoDataGenerator.Generate(DemoTenantProfile.Bluebird, Wednesday with { Now = Wednesday.Now.AddHours(5) });

        Assert.Equal(Rows(first), Rows(second));
    }

    [Fact]
    public void Generate_TwoAgencies_DifferInPeopleAndIds()
    {
        var northwind = DemoDataGenerator.Generate(DemoTenantProfile.Northwind, Wednesday);
        var bluebird = DemoDataGenerator.Generate(DemoTenantProfile.Bluebird, Wednesday);

        Assert.Empty(northwind.Employees.Select(e => e.Id).Intersect(bluebird.Employees.Select(e => e.Id)));
        Assert.NotEqual(northwind.Employees.Select(e => e.FullName), bluebird.Employees.Select(e => e.FullName));
    }

    [Fact]
    public void Generate_NextWeek_MovesWithTheCalendar()
    {
        var nextWeek = DemoCalendar.At(new DateTimeOffset(2026, 3, 25, 9, 30, 0, TimeSpan.Zero));

        var now = DemoDataGenerator.Generate(DemoTenantProfile.Northwind, Wednesday);
        var later = DemoDataGenerator.Generate(DemoTenantProfile.Northwind, nextWeek);

        Assert.Equal(now.Campaigns.Min(c => c.StartDate).AddDays(7), later.Campaigns.Min(c => c.StartDate));
        Assert.Equal(Wednesday.ThisWeek, now.TimesheetEntries.Max(e => e.WeekStartDate));
        Assert.Equal(nextWeek.ThisWeek, later.TimesheetEntries.Max(e => e.WeekStartDate));
    }

    [Fact]
    public void Calendar_Anchor_IsTheMondayOfTheWeek()
    {
        Assert.Equal(new DateOnly(2026, 3, 16), Wednesday.ThisWeek);
        Assert.Equal(new DateOnly(2026, 3, 9), Wednesday.LastWeek);
        Assert.Equal(new DateOnly(2024, 9, 16), Wednesday.HistoryStart);
        Assert.Equal(new DateOnly(2026, 3, 16), DemoCalendar.MondayOf(new DateOnly(2026, 3, 22)));
    }

    // Every row of every table, without the created and updated instants (those follow the clock within the day).
    private static string Rows(DemoTenantData data) => JsonSerializer.Serialize(new object[]
    {
        data.Employees, data.HolidayWeeks, data.RateCards, data.EmployeeRates, data.Clients, data.Brands, data.Campaigns, data.Phases,
        data.TeamMembers, data.TimesheetEntries, data.Allocations, data.Artifacts, data.ArtifactVersions, data.Comments,
        data.Quotes, data.PpmProjects, data.ExpenseLines, data.Checkouts, data.KnowledgeDocuments, data.DemoPeople,
    }, WithoutTimestamps);

    private static readonly JsonSerializerOptions WithoutTimestamps = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                type =>
                {
                    foreach (var property in type.Properties.Where(p => p.Name is "CreatedAt" or "UpdatedAt").ToList())
                    {
                        type.Properties.Remove(property);
                    }
                },
            },
        },
    };
}
