using AgencyWorkroom.Data.Features.Capacity;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Pages.Capacity;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AgencyWorkroom.Tests.Components.Pages.Capacity;

/// <summary>The person's capacity settings: who may change what is offered, and what each control sends.</summary>
public sealed class PersonCapacityDialogTests : ComponentTestContext
{
    private static readonly Guid Person = Guid.NewGuid();
    private static readonly DateOnly NextMonday = Weeks.StartOf(DateOnly.FromDateTime(DateTime.Today)).AddDays(7);
    private readonly FakeCommands _commands = new();

    public PersonCapacityDialogTests()
    {
        Services.AddSingleton<ICapacityQueries>(new FakeQueries());
        Services.AddSingleton<ICapacityCommands>(_commands);
    }

    [Fact]
    public async Task Leadership_SetsATargetFromNextMonday_AndChangesNoCapacity()
    {
        var (host, _) = await ShowAsync(AgencyRoles.Leadership);

        Assert.Empty(host.FindAll("[data-testid=add-period]"));
        Assert.Empty(host.FindAll("[data-testid=add-skill]"));
        Assert.Empty(host.FindAll("[data-testid=remove-period]"));
        Assert.Contains("75 %", host.Find("[data-testid=tenant-target]").TextContent);
        host.Find("[data-testid=target-percent] input, input[data-testid=target-percent]").Change("80");
        await host.Find("button[data-testid=add-target]").ClickAsync(new());

        Assert.Equal([$"target {Person} {NextMonday} 0.8"], _commands.Sent);
        Assert.Single(host.FindAll("[data-testid=remove-target]"));
    }

    [Fact]
    public async Task Admin_AddsASkillAndAChange_RemovesOnlyAPeriodAhead()
    {
        var (host, _) = await ShowAsync(AgencyRoles.Admin);

        Assert.Empty(host.FindAll("[data-testid=add-target]"));
        Assert.Single(host.FindAll("[data-testid=remove-period]"));
        host.Find("[data-testid=skill-new] input, input[data-testid=skill-new]").Change("Motion");
        await host.Find("button[data-testid=add-skill]").ClickAsync(new());
        host.Find("[data-testid=capacity-hours] input, input[data-testid=capacity-hours]").Change("24");
        await host.Find("button[data-testid=add-period]").ClickAsync(new());
        await host.Find("button[data-testid=remove-period]").ClickAsync(new());

        Assert.Equal([$"skills {Person} Copy,Motion", $"capacity {Person} {NextMonday} 24", "remove-period"], _commands.Sent);
    }

    [Fact]
    public async Task Creative_ReadsEverything_ChangesNothing()
    {
        var (host, _) = await ShowAsync(AgencyRoles.Creative);

        Assert.Equal(2, host.FindAll("[data-testid=capacity-period]").Count);
        Assert.Equal(["Copy"], host.FindAll("[data-testid=skill]").Select(s => s.TextContent.Trim()));
        Assert.Single(host.FindAll("[data-testid=target-period]"));
        foreach (var control in new[] { "add-period", "remove-period", "add-skill", "add-target", "remove-target" })
        {
            Assert.Empty(host.FindAll($"[data-testid={control}]"));
        }
    }

    private Task<(IRenderedComponent<MudDialogProvider> Host, IDialogReference Dialog)> ShowAsync(string role) =>
        ShowDialogAsync(new DialogParameters<PersonCapacityDialog> { { d => d.EmployeeId, Person }, { d => d.ViewerRole, role } });

    private sealed class FakeCommands : ICapacityCommands
    {
        public List<string> Sent { get; } = [];

        private Task<SaveResult> Ok(string what)
        {
            Sent.Add(what);
            return Task.FromResult(SaveResult.Saved(Guid.NewGuid()));
        }

        public Task<SaveResult> ChangeCapacityAsync(Guid employeeId, DateOnly effectiveFrom, decimal weeklyHours, string? note = null, CancellationToken cancellationToken = default) =>
            Ok($"capacity {employeeId} {effectiveFrom} {weeklyHours:0.##}");

        public Task<SaveResult> RemoveCapacityPeriodAsync(Guid periodId, CancellationToken cancellationToken = default) => Ok("remove-period");

        public Task<SaveResult> SetUtilizationTargetAsync(Guid employeeId, DateOnly effectiveFrom, decimal target, string? note = null, CancellationToken cancellationToken = default) =>
            Ok($"target {employeeId} {effectiveFrom} {target:0.###}");

        public Task<SaveResult> RemoveUtilizationTargetAsync(Guid targetId, CancellationToken cancellationToken = default) => Ok("remove-target");

        public Task<SaveResult> SetSkillsAsync(Guid employeeId, IEnumerable<string> skills, CancellationToken cancellationToken = default) =>
            Ok($"skills {employeeId} {string.Join(",", skills)}");

        public Task<SaveResult> AllocateAsync(AllocationForm form, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<SaveResult> UpdateAllocationAsync(Guid allocationId, uint version, decimal hours, bool tentative, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<SaveResult> RemoveAllocationAsync(Guid allocationId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<SaveResult> RemoveRangeAsync(Guid employeeId, Guid campaignId, DateOnly firstWeek, DateOnly lastWeek, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<SaveResult> SetTentativeAsync(Guid employeeId, Guid campaignId, DateOnly firstWeek, DateOnly lastWeek, bool tentative, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<SaveResult> MoveAsync(Guid employeeId, Guid campaignId, DateOnly firstWeek, DateOnly lastWeek, int shiftWeeks, Guid? toEmployeeId = null,
            CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<SaveResult> ExtendAsync(Guid employeeId, Guid campaignId, DateOnly week, DateOnly toWeek, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<SaveResult> CreatePlaceholderAsync(PlaceholderForm form, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<SaveResult> AssignPlaceholderAsync(Guid placeholderId, Guid employeeId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<SaveResult> RemovePlaceholderAsync(Guid placeholderId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    private sealed class FakeQueries : ICapacityQueries
    {
        public Task<IReadOnlyList<CapacityPeriodDto>> CapacityHistoryAsync(Guid employeeId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<CapacityPeriodDto>>(
            [
                new(Guid.NewGuid(), null, NextMonday.AddDays(14), 40, null),
                new(Guid.NewGuid(), NextMonday.AddDays(14), null, 32, "Four days"),
            ]);

        public Task<UtilizationTargetsDto> UtilizationTargetsAsync(Guid employeeId, CancellationToken cancellationToken = default) =>
            Task.FromResult(new UtilizationTargetsDto(0.75m, [new(Guid.NewGuid(), new DateOnly(2025, 1, 6), null, 0.8m, null)]));

        public Task<IReadOnlyList<string>> SkillsAsync(Guid employeeId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<string>>(["Copy"]);

        public Task<decimal?> UtilizationTargetAsync(Guid employeeId, DateOnly day, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<StaffingCellDto>> CampaignStaffingAsync(Guid campaignId, int weeks = 8, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<CapacityGridDto> GridAsync(CapacityFilter filter, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<CapacityRowDto>> RowsAsync(CapacityFilter filter, IReadOnlyCollection<Guid> employeeIds, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<AllocationDto>> AllocationsAsync(Guid employeeId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<PlannedActualDto>> PlannedVsActualAsync(DateOnly week, Guid? campaignId = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<CapacityOptionsDto> OptionsAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
