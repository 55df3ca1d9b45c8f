using System.Globalization;
using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Features.Paging;
using AgencyWorkroom.Data.Views;
using CsvHelper;
using Microsoft.AspNetCore.Components.Authorization;

namespace AgencyWorkroom.Web.Export;

/// <summary>
/// CSV downloads of what a list's filters select. They run through the same query services, so
/// under the same person's row-level security: an export never shows what the screen would not.
/// </summary>
public static class ExportEndpoints
{
    public static WebApplication MapWorkroomExports(this WebApplication app)
    {
        var exports = app.MapGroup("/export").RequireAuthorization().AddEndpointFilter(async (context, next) =>
        {
            // Outside a circuit nobody sets the authentication state: the request's own user is it.
            if (context.HttpContext.RequestServices.GetRequiredService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider host)
            {
                host.SetAuthenticationState(Task.FromResult(new AuthenticationState(context.HttpContext.User)));
            }

            return await next(context);
        });

        exports.MapGet("/campaigns.csv", async ([AsParameters] CampaignListQuery query, ICampaignQueries campaigns, CancellationToken cancellationToken) =>
        {
            var rows = await campaigns.ExportAsync(query.ToFilter(), new PageRequest(SortBy: query.Sort, Descending: query.Desc), cancellationToken);
            return Results.File(ToCsv(rows), "text/csv", $"campaigns-{DateTime.UtcNow:yyyy-MM-dd}.csv");
        });
        return app;
    }

    private static readonly string[] CampaignHeader =
    [
        "Code", "Name", "Client", "Brand", "Status", "Start", "End", "Budget", "Currency", "Hours", "Billable hours",
        "Revenue", "Total cost", "Margin", "Margin %", "Budget spent %", "Health",
    ];

    private static byte[] ToCsv(IEnumerable<CampaignOverviewRow> rows)
    {
        using var buffer = new MemoryStream();
        // Cells starting with = + - @ are escaped, so a campaign name cannot become a spreadsheet formula.
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Injection = CsvInjection.Escape }, true))
        {
            csv.WriteHeader(CampaignHeader);
            foreach (var c in rows)
            {
                csv.WriteRecord(
                [
                    c.Code, c.Name, c.ClientName, c.BrandName ?? "", c.Status, Date(c.StartDate), Date(c.EndDate),
                    Number(c.BudgetAmount), c.Currency, Number(c.TotalHours), Number(c.BillableHours),
                    // Empty, not zero, where the person's role may not see money.
                    Number(c.Revenue), Number(c.TotalCost), Number(c.Margin), Number(c.MarginPct), Number(c.BudgetSpentPct), c.Health,
                ]);
            }
        }

        return buffer.ToArray();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}

/// <summary>The registry's filters as they appear in its URL query.</summary>
public sealed record CampaignListQuery(
    string? Search, string? Status, Guid? Client, Guid? Brand, string? Phase, DateOnly? From, DateOnly? To, Guid? Member,
    string? Sort, bool Desc = false)
{
    public CampaignFilter ToFilter() => new(Search, Status, Client, Brand, Phase, From, To, Member);
}
