using System.Globalization;
using AgencyWorkroom.Data.Features.Dashboard;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Suite;

public interface ISuiteQueries
{
    /// <summary>The launcher's cards: the Workroom's headline figures for the person's role, and each neighbour's count.</summary>
    Task<SuiteLauncherDto> GetLauncherAsync(CancellationToken cancellationToken = default);

    /// <summary>A campaign's linked records (for those who may link or see money), whether the person may link, and its reconciliation row.</summary>
    Task<CampaignLinksDto> GetCampaignLinksAsync(Guid campaignId, CancellationToken cancellationToken = default);

    /// <summary>The neighbour's records of this tenant that may be linked to the campaign.</summary>
    Task<IReadOnlyList<LinkCandidateRow>> SearchCandidatesAsync(Guid campaignId, string kind, string? search, CancellationToken cancellationToken = default);

    /// <summary>Every campaign with a PPM project (finance and leadership; empty for anyone else), disagreeing budgets first.</summary>
    Task<IReadOnlyList<ReconciliationRow>> GetReconciliationAsync(CancellationToken cancellationToken = default);
}

/// <summary>The suite's reads: agency.suite_counts, campaign_neighbour_lines, campaign_link_candidates and ppm_reconciliation (041).</summary>
public sealed class SuiteQueries(UnitOfWork unitOfWork, IDashboardQueries dashboard, SuiteOptions options) : ISuiteQueries
{
    public async Task<SuiteLauncherDto> GetLauncherAsync(CancellationToken cancellationToken = default)
    {
        // The Workroom card's figures are the dashboard's (v_dashboard_kpis), not a second definition.
        var kpis = dashboard.GetKpisAsync(cancellationToken);
        var counts = unitOfWork.RunAsync((db, ct) =>
            db.Database.SqlQuery<SuiteCountsRow>($"select * from agency.suite_counts()").SingleAsync(ct), cancellationToken);
        await Task.WhenAll(kpis, counts);
        return Build(await kpis, await counts, options);
    }

    /// <summary>The cards from the figures: pure, so the launcher's wording is tested without a database.</summary>
    public static SuiteLauncherDto Build(Views.DashboardKpisRow k, SuiteCountsRow c, SuiteOptions options)
    {
        static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        var workroom = new List<SuiteFigure>
        {
            new("Active campaigns", N(k.ActiveCampaigns)),
            new("At risk", N(k.CampaignsAtRisk)),
            new("Hours this week", k.HoursThisWeek.ToString("0.#", CultureInfo.InvariantCulture)),
        };
        if (k.BillableUtilizationThisWeek is { } utilization)
        {
            workroom.Add(new("Billable utilization", utilization.ToString("P0", CultureInfo.InvariantCulture)));
        }

        if (k.MarginThisMonth is { } margin)
        {
            workroom.Add(new("Margin this month", margin.ToString("N0", CultureInfo.InvariantCulture)));
        }

        return new SuiteLauncherDto(
        [
            new("Workroom", "Workroom", "Campaigns, time, artifacts and the agency's figures", "/", workroom),
            new(SuiteOptions.Procure, "Procure", "Vendor quotes for campaign purchases", options.UrlOf(SuiteOptions.Procure),
                [new("Open quotes", N(c.OpenQuotes))]),
            new(SuiteOptions.FinancePpm, "Finance PPM", "Project budgets and portfolio money", options.UrlOf(SuiteOptions.FinancePpm),
                [new("PPM projects linked", N(c.PpmProjectsLinked))],
                k.MarginThisMonth is null ? null : ("PPM reconciliation", "/suite/reconciliation")),
            new(SuiteOptions.Expenses, "T&E", "Travel and expense claims", options.UrlOf(SuiteOptions.Expenses),
                [new("Expenses awaiting approval", N(c.ExpensesAwaitingApproval))]),
            new(SuiteOptions.Gearroom, "Gearroom", "Equipment checkouts and returns", options.UrlOf(SuiteOptions.Gearroom),
                [new("Gear out", N(c.GearOut)), new("Overdue", N(c.GearOverdue))]),
        ], k, c);
    }

    public Task<CampaignLinksDto> GetCampaignLinksAsync(Guid campaignId, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var mayLink = await db.Database.SqlQuery<bool>($"select agency.may_link_campaign({campaignId}) as \"Value\"").SingleAsync(ct);
            var money = await db.Database.SqlQuery<bool>($"select agency.can_see_financials() as \"Value\"").SingleAsync(ct);
            if (!mayLink && !money)
            {
                return CampaignLinksDto.None;
            }

            var lines = await db.Database.SqlQuery<NeighbourLineRow>($"select * from agency.campaign_neighbour_lines({campaignId})").ToListAsync(ct);
            var reconciliation = (await db.Database.SqlQuery<ReconciliationRow>($"select * from agency.ppm_reconciliation({campaignId})")
                .ToListAsync(ct)).SingleOrDefault();
            return new CampaignLinksDto(mayLink, true, lines, reconciliation);
        }, cancellationToken);

    public Task<IReadOnlyList<LinkCandidateRow>> SearchCandidatesAsync(Guid campaignId, string kind, string? search, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<LinkCandidateRow>>(async (db, ct) =>
            await db.Database.SqlQuery<LinkCandidateRow>($"select * from agency.campaign_link_candidates({campaignId}, {kind}, {search}, 20)").ToListAsync(ct),
            cancellationToken);

    public Task<IReadOnlyList<ReconciliationRow>> GetReconciliationAsync(CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<ReconciliationRow>>(async (db, ct) =>
            await db.Database.SqlQuery<ReconciliationRow>($"select * from agency.ppm_reconciliation(null)").ToListAsync(ct),
            cancellationToken);
}
