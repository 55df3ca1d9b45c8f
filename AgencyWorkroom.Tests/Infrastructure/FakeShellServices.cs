using AgencyWorkroom.Data.Features.Dashboard;
using AgencyWorkroom.Data.Features.Notifications;
using AgencyWorkroom.Data.Features.Search;

namespace AgencyWorkroom.Tests.Infrastructure;

public sealed class FakeSearchQueries(params SearchHit[] hits) : ISearchQueries
{
    public Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int perKind = 5, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SearchHit>>(hits);
}

public sealed class FakeNotificationFeed(NotificationsDto feed) : INotificationFeed
{
    public int MarkedRead { get; private set; }

    public Task<NotificationsDto> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(feed);

    public Task MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        MarkedRead++;
        return Task.CompletedTask;
    }
}

public sealed class FakeDashboardQueries(DashboardDto dashboard) : IDashboardQueries
{
    public int Calls { get; private set; }

    public Task<DashboardDto> GetAsync(CancellationToken cancellationToken = default)
    {
        Calls++;
        return Task.FromResult(dashboard);
    }

    public Task<AgencyWorkroom.Data.Views.DashboardKpisRow> GetKpisAsync(CancellationToken cancellationToken = default) => Task.FromResult(dashboard.Kpis);
}
