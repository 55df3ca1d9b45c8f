using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.Suite;

namespace AgencyWorkroom.Tests.Infrastructure;

public sealed class FakeSuiteQueries(SuiteLauncherDto? launcher = null, CampaignLinksDto? links = null) : ISuiteQueries
{
    public Task<SuiteLauncherDto> GetLauncherAsync(CancellationToken cancellationToken = default) => Task.FromResult(launcher!);

    public Task<CampaignLinksDto> GetCampaignLinksAsync(Guid campaignId, CancellationToken cancellationToken = default) =>
        Task.FromResult(links ?? CampaignLinksDto.None);

    public Task<IReadOnlyList<LinkCandidateRow>> SearchCandidatesAsync(Guid campaignId, string kind, string? search, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LinkCandidateRow>>([]);

    public Task<IReadOnlyList<ReconciliationRow>> GetReconciliationAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ReconciliationRow>>([]);
}

public sealed class FakeSuiteCommands(SaveResult? answer = null) : ISuiteCommands
{
    public List<(Guid Campaign, string Kind, Guid Record, bool Linked)> Calls { get; } = [];

    public Task<SaveResult> SetLinkAsync(Guid campaignId, string kind, Guid recordId, bool linked, CancellationToken cancellationToken = default)
    {
        Calls.Add((campaignId, kind, recordId, linked));
        return Task.FromResult(answer ?? SaveResult.Saved(recordId));
    }
}
