using AgencyWorkroom.Data.Features.Capacity;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Pages.Campaigns;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AgencyWorkroom.Tests.Components.Pages.Campaigns;

public sealed class CampaignStaffingTests : ComponentTestContext
{
    private static readonly DateOnly Monday = new(2025, 3, 3);
    private static readonly Guid Ann = Guid.NewGuid();
    private static readonly Guid Bo = Guid.NewGuid();

    [Fact]
    public void Render_PlannedSlashLoggedPerPersonAndWeek_ConflictsInWords()
    {
        Services.AddSingleton<ICapacityQueries>(new FakeQueries(
        [
            new(Ann, "Ann", Monday, 10, false, 6, 10, 32, 8, false),
            new(Ann, "Ann", Monday.AddDays(7), 20, true, 0, 50, 40, 0, false),
            new(Ann, "Ann", Monday.AddDays(14), 8, false, 0, 8, 40, 0, true),
            new(Bo, "Bo", Monday, 0, false, 4, 0, 40, 0, false),
            new(Bo, "Bo", Monday.AddDays(7), 5, false, 5, 5, 40, 0, false),
            new(Bo, "Bo", Monday.AddDays(14), 0, false, 0, 0, 40, 0, false),
        ]));

        var tab = Render<CampaignStaffing>(p => p.Add(c => c.CampaignId, Guid.NewGuid()).Add(c => c.CanReadAllTime, true));

        var rows = tab.FindAll("[data-testid=staffing-row]");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["10 / 6", "20 / 0", "8 / 0"], rows[0].QuerySelectorAll("[data-testid=staffing-cell] > span:first-child").Select(s => s.TextContent.Trim()));
        Assert.Equal("38 h", rows[0].QuerySelector("[data-testid=staffing-planned]")!.TextContent.Trim());
        Assert.Equal(["On leave"], rows[0].QuerySelectorAll("[data-testid=conflict-leave]").Select(c => c.TextContent.Trim()));
        Assert.Single(rows[0].QuerySelectorAll("[data-testid=conflict-over]"));
        Assert.Single(rows[0].QuerySelectorAll("[data-testid=conflict-ended]"));
        Assert.Empty(rows[1].QuerySelectorAll(".conflict"));
        Assert.Equal(3, rows[0].QuerySelectorAll("td.conflict").Length);
    }

    [Fact]
    public void Render_NoOne_SaysSo()
    {
        Services.AddSingleton<ICapacityQueries>(new FakeQueries([]));

        var tab = Render<CampaignStaffing>(p => p.Add(c => c.CampaignId, Guid.NewGuid()));

        Assert.NotNull(tab.Find("[data-testid=staffing-empty]"));
    }

    private sealed class FakeQueries(IReadOnlyList<StaffingCellDto> cells) : ICapacityQueries
    {
        public Task<IReadOnlyList<StaffingCellDto>> CampaignStaffingAsync(Guid campaignId, int weeks = 8, CancellationToken cancellationToken = default) =>
            Task.FromResult(cells);

        public Task<CapacityGridDto> GridAsync(CapacityFilter filter, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<CapacityRowDto>> RowsAsync(CapacityFilter filter, IReadOnlyCollection<Guid> employeeIds, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<AllocationDto>> AllocationsAsync(Guid employeeId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<PlannedActualDto>> PlannedVsActualAsync(DateOnly week, Guid? campaignId = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<CapacityOptionsDto> OptionsAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<UtilizationTargetsDto> UtilizationTargetsAsync(Guid employeeId, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<decimal?> UtilizationTargetAsync(Guid employeeId, DateOnly day, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<string>> SkillsAsync(Guid employeeId, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<CapacityPeriodDto>> CapacityHistoryAsync(Guid employeeId, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
