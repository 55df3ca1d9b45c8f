using System.Text;
using AgencyWorkroom.Data.Features.Import;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Import;

/// <summary>
/// A timesheet file in nobody's standard columns, as the import page sends it: imported through a
/// mapping of its headers, and a wrong mapping refused with the field it got wrong named.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class ColumnMappingTests(TwoTenantWorld world)
{
    private const string Formula = "=HYPERLINK(\"https://evil.example\",\"open\")";

    private static readonly string OddFile = $"""
        Day;Who;Job number;Time spent;Comment
        06.01.2025;Maya Chen;SPRING-25;1:30;"{Formula.Replace("\"", "\"\"")}"
        07.01.2025;Tom Berger;spring-25;2,25;Layout
        """;

    private static readonly Dictionary<TimesheetField, string> Mapping = new()
    {
        [TimesheetField.Date] = "Day", [TimesheetField.Person] = "Who", [TimesheetField.CampaignCode] = "Job number",
        [TimesheetField.Hours] = "Time spent", [TimesheetField.Notes] = "Comment",
    };

    [Fact]
    public async Task ImportTimesheets_OddHeaders_AreNotRecognised_ButImportThroughAMapping_WithFormulasKeptAsText()
    {
        var (tenant, people, campaigns) = await TimesheetImportTests.AgencyAsync(world);
        await using var admin = tenant.As(world, "admin");

        var preview = ImportCommands.Preview(Stream(OddFile), 5);
        var unmapped = await Assert.ThrowsAsync<ImportFormatException>(() =>
            admin.Get<IImportCommands>().ImportTimesheetsAsync(Stream(OddFile), "odd.csv", new TimesheetImportOptions(DryRun: true)));
        var summary = await admin.Get<IImportCommands>().ImportTimesheetsAsync(
            Stream(OddFile), "odd.csv", new TimesheetImportOptions(DryRun: false, Mapping));

        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "finance", tenant.People["finance"]);
        var entries = await s.QueryAsync("select employee_id, campaign_id, entry_date, hours, description from agency.timesheet_entries order by entry_date");

        Assert.Equal(TimesheetFormat.Unknown, preview.Format);
        Assert.Equal(["Day", "Who", "Job number", "Time spent", "Comment"], preview.Headers);
        Assert.Equal(2, preview.Rows.Count);
        Assert.Contains("map them to Date, Hours, Person, Campaign", unmapped.Message, StringComparison.Ordinal);
        Assert.True(summary.Imported, string.Join("; ", summary.Rejections));
        Assert.Equal((TimesheetFormat.Mapped, 2), (summary.Format, summary.RowsAdded));
        Assert.Equal([people["Maya Chen"], people["Tom Berger"]], entries.Select(e => (Guid)e["employee_id"]!));
        Assert.All(entries, e => Assert.Equal(campaigns["SPRING-25"], e["campaign_id"]));
        Assert.Equal([1.5m, 2.25m], entries.Select(e => (decimal)e["hours"]!));
        Assert.Equal(Formula, entries[0]["description"]);
    }

    [Theory]
    [InlineData("Hours", "Duration", "The file has no column 'Duration' (mapped to Hours).")]
    [InlineData("Date", null, "Nothing is mapped to Date.")]
    public async Task ImportTimesheets_WrongMapping_IsRefusedWithTheFieldNamed_AndNothingIsWritten(string field, string? header, string message)
    {
        var (tenant, _, _) = await TimesheetImportTests.AgencyAsync(world);
        await using var admin = tenant.As(world, "admin");
        var mapping = new Dictionary<TimesheetField, string>(Mapping);
        if (header is null)
        {
            mapping.Remove(Enum.Parse<TimesheetField>(field));
        }
        else
        {
            mapping[Enum.Parse<TimesheetField>(field)] = header;
        }

        var refused = await Assert.ThrowsAsync<ImportFormatException>(() =>
            admin.Get<IImportCommands>().ImportTimesheetsAsync(Stream(OddFile), "odd.csv", new TimesheetImportOptions(DryRun: false, mapping)));

        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "finance", tenant.People["finance"]);
        Assert.Equal(message, refused.Message);
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.timesheet_entries"));
    }

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));
}
