using System.Net;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Export;
using ClosedXML.Excel;

namespace AgencyWorkroom.Tests.Web.Export;

/// <summary>The invoice download through the real app: a workbook for finance, 403 for a role the
/// database refuses, the sign-in page for nobody.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class InvoiceExportEndpointTests(TwoTenantWorld world) : IAsyncLifetime
{
    private const string Url = "/export/analytics/invoices.xlsx?period=last-12-months";

    private readonly WorkroomAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Finance_GetsAWorkbookWithItsSummary()
    {
        var finance = await _app.SignedInAsync(world.A, "finance");

        var response = await finance.GetAsync(Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExcelWorkbook.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        Assert.Equal("Summary", workbook.Worksheet(1).Name);
        Assert.Equal(InvoiceWorkbook.Summary.Header, workbook.Worksheet(1).Row(1).Cells(1, InvoiceWorkbook.Summary.Columns.Count).Select(c => c.GetString()));
    }

    [Theory]
    [InlineData("creative")]
    [InlineData("pm")]
    public async Task ARoleThatDoesNotBill_IsForbidden_InCsvToo(string role)
    {
        var person = await _app.SignedInAsync(world.A, role);

        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync(Url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync(Url.Replace(".xlsx", ".csv", StringComparison.Ordinal))).StatusCode);
        Assert.True((await _app.Browser().GetAsync(Url)).IsRedirectTo("/Account/Login"));
    }
}
