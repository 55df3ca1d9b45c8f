using AgencyWorkroom.Data.Features.Common;
using System.Globalization;
using AgencyWorkroom.Data.Features.Analytics;
using AgencyWorkroom.Data.Features.Artifacts;
using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Features.Clients;
using AgencyWorkroom.Data.Features.Knowledge;
using AgencyWorkroom.Data.Features.Paging;
using AgencyWorkroom.Data.Features.Timesheets;
using AgencyWorkroom.Data.Views;
using AgencyWorkroom.Web.Rendering;
using CsvHelper;
using Microsoft.AspNetCore.Components.Authorization;

namespace AgencyWorkroom.Web.Export;

/// <summary>
/// CSV downloads of what a list's filters select. They run through the same query services, so
/// under the same person's row-level security: an export never shows what the screen would not.
/// </summary>
public static partial class ExportEndpoints
{
    public static WebApplication MapWorkroomExports(this WebApplication app)
    {
        var exports = app.MapGroup("/export").RequireAuthorization().AddEndpointFilter(AsRequestUser);

        exports.MapGet("/campaigns.csv", async ([AsParameters] CampaignListQuery query, ICampaignQueries campaigns, CancellationToken cancellationToken) =>
        {
            var rows = await campaigns.ExportAsync(query.ToFilter(), new PageRequest(SortBy: query.Sort, Descending: query.Desc), cancellationToken);
            return Results.File(ToCsv(CampaignHeader, rows, CampaignRecord), "text/csv", $"campaigns-{DateTime.UtcNow:yyyy-MM-dd}.csv");
        });
        exports.MapGet("/clients.csv", async ([AsParameters] ClientListQuery query, IClientQueries clients, CancellationToken cancellationToken) =>
        {
            var rows = await clients.ExportAsync(query.ToFilter(), new PageRequest(SortBy: query.Sort, Descending: query.Desc), cancellationToken);
            return Results.File(ToCsv(ClientHeader, rows, ClientRecord), "text/csv", $"clients-{DateTime.UtcNow:yyyy-MM-dd}.csv");
        });
        exports.MapGet("/artifacts.csv", async ([AsParameters] ArtifactListQuery query, IArtifactQueries artifacts, CancellationToken cancellationToken) =>
        {
            var rows = await artifacts.ExportAsync(query.ToFilter(), new PageRequest(SortBy: query.Sort, Descending: query.Desc), cancellationToken);
            return Results.File(ToCsv(ArtifactHeader, rows, ArtifactRecord), "text/csv", $"artifacts-{DateTime.UtcNow:yyyy-MM-dd}.csv");
        });
        // One artifact, as the person may read it: its Markdown, or a page that prints to PDF (?print=true shows it instead of downloading).
        exports.MapGet("/artifacts/{id:guid}.md", async (Guid id, IArtifactQueries artifacts, CancellationToken cancellationToken) =>
            await artifacts.GetAsync(id, cancellationToken) is { } artifact
                ? Results.File(System.Text.Encoding.UTF8.GetBytes(artifact.Content), "text/markdown; charset=utf-8", ArtifactDocument.FileName(artifact, "md"))
                : Results.NotFound());
        exports.MapGet("/artifacts/{id:guid}.html", async (Guid id, bool? print, HttpContext http, IArtifactQueries artifacts, CancellationToken cancellationToken) =>
        {
            if (await artifacts.GetAsync(id, cancellationToken) is not { } artifact)
            {
                return Results.NotFound();
            }

            http.Response.Headers.ContentSecurityPolicy = ArtifactDocument.ContentSecurityPolicy;
            http.Response.Headers.XContentTypeOptions = "nosniff";
            var html = System.Text.Encoding.UTF8.GetBytes(ArtifactDocument.Html(artifact));
            return print == true
                ? Results.Bytes(html, "text/html; charset=utf-8")
                : Results.File(html, "text/html; charset=utf-8", ArtifactDocument.FileName(artifact, "html"));
        });
        exports.MapGet("/knowledge.csv", async (string? search, string? scope, string? tag, string? status, IKnowledgeQueries knowledge, CancellationToken cancellationToken) =>
        {
            var rows = await knowledge.ListAsync(new KnowledgeFilter(search, scope, tag, status), cancellationToken);
            return Results.File(ToCsv(KnowledgeHeader, rows, KnowledgeRecord), "text/csv", $"knowledge-{DateTime.UtcNow:yyyy-MM-dd}.csv");
        });
        exports.MapGet("/timesheets.csv", async ([AsParameters] TimesheetExportQuery query, ITimesheetQueries timesheets, CancellationToken cancellationToken) =>
        {
            var rows = await timesheets.ExportAsync(query.ToFilter(), cancellationToken);
            return Results.File(ToCsv(TimesheetHeader, rows, TimesheetRecord), "text/csv", $"timesheets-{query.From:yyyy-MM-dd}-{query.To:yyyy-MM-dd}.csv");
        });
        exports.MapGet("/analytics/utilization.{format}", async (string format, [AsParameters] AnalyticsQueryString query, IAnalyticsQueries analytics, CancellationToken cancellationToken) =>
        {
            var today = DateOnly.FromDateTime(DateTime.Today);
            var rows = await analytics.UtilizationAsync(query.ToUtilization(today), cancellationToken);
            return Table(AnalyticsExports.Utilization, rows, format, $"utilization-{query.ToPeriod(today).From:yyyy-MM-dd}");
        });
        exports.MapGet("/analytics/profitability.{format}", async (string format, [AsParameters] AnalyticsQueryString query, IAnalyticsQueries analytics, CancellationToken cancellationToken) =>
        {
            var today = DateOnly.FromDateTime(DateTime.Today);
            var rows = await analytics.ProfitabilityAsync(query.ToProfitability(today), cancellationToken);
            return Table(AnalyticsExports.Profitability, rows, format, $"profitability-{query.ToPeriod(today).From:yyyy-MM-dd}");
        });
        exports.MapGet("/analytics/invoices.{format}", async (string format, [AsParameters] AnalyticsQueryString query, IAnalyticsQueries analytics, CancellationToken cancellationToken) =>
        {
            var period = query.ToPeriod(DateOnly.FromDateTime(DateTime.Today));
            var invoices = await analytics.InvoiceLinesAsync(period.From, period.To, cancellationToken);
            if (invoices.IsRefused)
            {
                return Results.Problem("The invoice export is for finance and leadership.", statusCode: StatusCodes.Status403Forbidden);
            }

            var name = $"invoices-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}";
            return format == "xlsx"
                ? Results.File(InvoiceWorkbook.Write(invoices), ExcelWorkbook.ContentType, $"{name}.xlsx")
                : Table(InvoiceWorkbook.Lines, invoices.Lines, format, name);
        });
        MapForecast(exports);
        return app;
    }

    /// <summary>
    /// An endpoint filter: outside a circuit nobody sets the authentication state, so the request's own
    /// user is it (the unit of work reads the person from there). Exports and attachments use it.
    /// </summary>
    public static async ValueTask<object?> AsRequestUser(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.RequestServices.GetRequiredService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider host)
        {
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(context.HttpContext.User)));
        }

        return await next(context);
    }

    /// <summary>A table as CSV or as an Excel workbook, by the extension asked for.</summary>
    private static IResult Table<T>(ExportTable<T> table, IEnumerable<T> rows, string format, string name) => format switch
    {
        "csv" => Results.File(ToCsv(table.Header, rows, table.Record), "text/csv", $"{name}.csv"),
        "xlsx" => Results.File(ExcelWorkbook.Write(table, rows), ExcelWorkbook.ContentType, $"{name}.xlsx"),
        _ => Results.NotFound(),
    };

    private static readonly string[] ArtifactHeader =
    [
        "Title", "Type", "Status", "Campaign code", "Campaign", "Client", "Owner", "Tags", "Version", "Comments", "Open comments", "Created", "Updated",
    ];

    private static string[] ArtifactRecord(ArtifactListItem item)
    {
        var a = item.Row;
        return
        [
            a.Title, a.ArtifactType, a.Status, a.CampaignCode, a.CampaignName, a.ClientName, a.OwnerName, string.Join("; ", a.Tags),
            Number(a.CurrentVersion), Number(a.CommentCount), Number(a.OpenCommentCount),
            a.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), a.UpdatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        ];
    }

    private static readonly string[] TimesheetHeader = ["Date", "Person", "Campaign code", "Campaign", "Phase", "Hours", "Billable", "Status", "Note"];

    private static string[] TimesheetRecord(TimesheetExportRow t) =>
    [
        Date(t.Date), t.Person, t.CampaignCode, t.CampaignName, t.Phase ?? "", Number(t.Hours), t.Billable ? "yes" : "no", t.Status, t.Note ?? "",
    ];

    private static readonly string[] ClientHeader =
    [
        "Code", "Name", "Sector", "Status", "Brands", "Campaigns", "Active campaigns", "Budget", "Spend", "Budget spent %",
        "Hours", "Hours this quarter", "Last activity", "Revenue", "Cost", "Margin", "Margin %",
    ];

    private static string[] ClientRecord(Client360Row c) =>
    [
        c.Code, c.Name, c.Sector ?? "", c.Status, string.Join("; ", c.BrandNames), Number(c.CampaignCount), Number(c.ActiveCampaignCount),
        Number(c.TotalBudget), Number(c.Spend), Number(c.BudgetSpentPct), Number(c.TotalHours), Number(c.HoursThisQuarter),
        c.LastActivityAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        // Empty, not zero, where the person's role may not see money.
        Number(c.Revenue), Number(c.Cost), Number(c.Margin), Number(c.MarginPct),
    ];

    private static readonly string[] CampaignHeader =
    [
        "Code", "Name", "Client", "Brand", "Status", "Start", "End", "Budget", "Currency", "Hours", "Billable hours",
        "Revenue", "Total cost", "Margin", "Margin %", "Budget spent %", "Health",
    ];

    private static string[] CampaignRecord(CampaignOverviewRow c) =>
    [
        c.Code, c.Name, c.ClientName, c.BrandName ?? "", c.Status, Date(c.StartDate), Date(c.EndDate),
        Number(c.BudgetAmount), c.Currency, Number(c.TotalHours), Number(c.BillableHours),
        // Empty, not zero, where the person's role may not see money.
        Number(c.Revenue), Number(c.TotalCost), Number(c.Margin), Number(c.MarginPct), Number(c.BudgetSpentPct), c.Health,
    ];

    private static readonly string[] KnowledgeHeader = ["Title", "Type", "Scope", "About", "Team only", "Tags", "Status", "Passages", "Changed", "Error"];

    private static string[] KnowledgeRecord(KnowledgeDocumentRow d) =>
    [
        d.Title, d.DocType, d.Scope, d.ScopeName ?? "", d.TeamOnly ? "yes" : "no", string.Join(", ", d.Tags), d.Status,
        d.Passages.ToString(CultureInfo.InvariantCulture), d.UpdatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), d.LastError ?? "",
    ];

    public static byte[] ToCsv<T>(string[] header, IEnumerable<T> rows, Func<T, string[]> record)
    {
        using var buffer = new MemoryStream();
        // Cells starting with = + - @ are escaped, so a name cannot become a spreadsheet formula.
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Injection = CsvInjection.Escape }, true))
        {
            csv.WriteHeader(header);
            foreach (var row in rows)
            {
                csv.WriteRecord(record(row));
            }
        }

        return buffer.ToArray();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The registry's filters as they appear in its URL query.</summary>
public sealed record CampaignListQuery(
    string? Search, string? Status, Guid? Client, Guid? Brand, string? Phase, DateOnly? From, DateOnly? To, Guid? Member,
    string? Sort, bool Desc = false)
{
    public CampaignFilter ToFilter() => new(Search, Status, Client, Brand, Phase, From, To, Member);
}

/// <summary>The artifact library's filters as they appear in its URL query.</summary>
public sealed record ArtifactListQuery(
    string? Search, string? Type, string? Status, Guid? Client, Guid? Brand, Guid? Campaign, Guid? Owner, string? Tag, DateOnly? From, DateOnly? To,
    string? Sort, bool Desc = false)
{
    public ArtifactFilter ToFilter() => new(Search, Type, Status, Client, Brand, Campaign, Owner, Tag, From, To);
}

/// <summary>The client list's filters as they appear in its URL query.</summary>
public sealed record ClientListQuery(string? Q, string? Status, string? Sector, string? Sort, bool Desc = false)
{
    public ClientFilter ToFilter() => new(Q, Status, Sector);
}

/// <summary>The timesheet export's range and filters as they appear in its URL query (a week when no range is given).</summary>
public sealed record TimesheetExportQuery(DateOnly? From, DateOnly? To, Guid? Person, Guid? Campaign)
{
    public TimesheetExportFilter ToFilter()
    {
        var from = From ?? Weeks.StartOf(DateOnly.FromDateTime(DateTime.Today));
        return new TimesheetExportFilter(from, To ?? from.AddDays(6), Person, Campaign);
    }
}
