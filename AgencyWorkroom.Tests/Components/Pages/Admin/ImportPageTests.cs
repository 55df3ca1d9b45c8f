using AgencyWorkroom.Data.Features.Import;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Pages.Admin;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace AgencyWorkroom.Tests.Components.Pages.Admin;

public sealed class ImportPageTests : ComponentTestContext
{
    private static readonly MeDto Admin = new(Guid.NewGuid(), "Ann Admin", "admin", "Northwind Creative");
    private readonly FakeImport _import = new();

    [Fact]
    public void Render_NotAnAdmin_SaysWhoImportsAndOffersNoUpload()
    {
        var page = Show(Admin with { Role = "finance" });

        Assert.Contains("Only admins import data", page.Find("[data-testid=not-admin]").TextContent);
        Assert.Empty(page.FindAll("input[type=file]"));
    }

    [Fact]
    public void Upload_HarvestExport_IsRecognised_AndItsFirstRowsShown()
    {
        var page = Show(Admin);

        Upload(page, "Date,Client,Project,Project Code,Task,Notes,Hours,First Name,Last Name\n2025-01-06,Acme,Launch,L-1,Design,=SUM(A1),1.5,Maya,Chen\n");

        page.WaitForAssertion(() => Assert.Contains("Recognised as a Harvest export", page.Find("[data-testid=detected-format]").TextContent));
        Assert.Contains("=SUM(A1)", page.Find("[data-testid=preview-rows]").TextContent);
        Assert.Contains("up to 50 MB", page.Find("[data-testid=field-file]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=mapping-error]"));
    }

    [Fact]
    public void Upload_OddHeaders_SaysWhichFieldsToMapNextToTheMapping()
    {
        var page = Show(Admin);

        Upload(page, "Day,Who,Job,Time\n2025-01-06,Maya Chen,L-1,2\n");

        page.WaitForAssertion(() => Assert.Contains("Not a Harvest, Kimai or workroom export", page.Find("[data-testid=detected-format]").TextContent));
        Assert.Contains("Nothing is mapped to Date, Hours, Person, Campaign", page.Find("[data-testid=mapping-error]").TextContent);
        Assert.True(page.Find("[data-testid=dry-run]").HasAttribute("disabled"));
    }

    [Fact]
    public void DryRun_WithRejections_ListsEachWithItsLine_OffersThemAsCsv_AndKeepsTheImportClosed()
    {
        _import.Answer = dryRun => new ImportSummary("people.csv", TimesheetFormat.Workroom, dryRun, 3, 0, 0,
            [new ImportRejection(3, "bad e-mail 'x'"), new ImportRejection(4, "unknown role 'boss'")], null, ImportKind.People);
        var page = Show(Admin);
        Upload(page, "Email,Name\nok@example.test,Ok\nx,Bad\nb@example.test,Boss\n");

        page.WaitForAssertion(() => page.Find("[data-testid=dry-run]"));
        page.Find("[data-testid=dry-run]").Click();

        page.WaitForAssertion(() => Assert.Equal(["3", "4"], page.FindAll("[data-testid=rejection-line]").Select(c => c.TextContent.Trim())));
        Assert.Equal(["bad e-mail 'x'", "unknown role 'boss'"], page.FindAll("[data-testid=rejection-reason]").Select(c => c.TextContent.Trim()));
        Assert.Contains("2 of 3 rows would be rejected, so nothing was imported", page.Find("[data-testid=import-summary]").TextContent);
        Assert.StartsWith("data:text/csv", page.Find("[data-testid=export-rejections]").GetAttribute("href"));
        Assert.True(page.Find("[data-testid=import]").HasAttribute("disabled"));
        Assert.Equal([true], _import.Runs);
    }

    [Fact]
    public void DryRun_Clean_OpensTheImport_AndSaysWhatWouldBeAdded()
    {
        _import.Answer = dryRun => new ImportSummary("c.csv", TimesheetFormat.Workroom, dryRun, 2, 1, 1, [], null, ImportKind.Clients);
        var page = Show(Admin);
        Upload(page, "Name\nAcme\nBeta\n");

        page.WaitForAssertion(() => page.Find("[data-testid=dry-run]"));
        page.Find("[data-testid=dry-run]").Click();

        page.WaitForAssertion(() => Assert.Contains("Dry run: 2 rows read, no row rejected. 1 rows of clients and brands would be added, 1 are there already",
            page.Find("[data-testid=import-summary]").TextContent));
        Assert.False(page.Find("[data-testid=import]").HasAttribute("disabled"));
    }

    private IRenderedComponent<ImportPage> Show(MeDto me)
    {
        Services.AddSingleton<IPeopleQueries>(new FakePeopleQueries(me));
        Services.AddSingleton<IImportCommands>(_import);
        Services.AddSingleton<IPeopleCommands>(new FakePeopleCommands());
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new AgencyWorkroom.Web.Extensions.WorkroomOptions()));
        Render<MudBlazor.MudPopoverProvider>();
        return Render<ImportPage>();
    }

    private void Upload(IRenderedComponent<ImportPage> page, string text)
    {
        if (text.StartsWith("Name", StringComparison.Ordinal) || text.StartsWith("Email", StringComparison.Ordinal))
        {
            // The kind is chosen before the file; here straight on the component, as the select would.
            var kind = text.StartsWith("Name", StringComparison.Ordinal) ? ImportKind.Clients : ImportKind.People;
            page.InvokeAsync(() => page.FindComponent<MudBlazor.MudSelect<ImportKind>>().Instance.ValueChanged.InvokeAsync(kind));
        }

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(text, "upload.csv"));
    }

    private sealed class FakeImport : IImportCommands
    {
        public Func<bool, ImportSummary> Answer { get; set; } = dryRun =>
            new ImportSummary("x.csv", TimesheetFormat.Workroom, dryRun, 0, 0, 0, [], null);

        public List<bool> Runs { get; } = [];

        public Task<ImportSummary> ImportTimesheetsAsync(Stream file, string fileName, TimesheetImportOptions options,
            IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) => Run(options.DryRun);

        public Task<ImportSummary> ImportClientsAsync(Stream file, string fileName, ImportOptions options,
            IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) => Run(options.DryRun);

        public Task<ImportSummary> ImportPeopleAsync(Stream file, string fileName, ImportOptions options,
            IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) => Run(options.DryRun);

        private Task<ImportSummary> Run(bool dryRun)
        {
            Runs.Add(dryRun);
            return Task.FromResult(Answer(dryRun));
        }
    }
}
