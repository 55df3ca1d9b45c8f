using AgencyWorkroom.Data.Features.Status;
using AgencyWorkroom.Data.Schema;

namespace AgencyWorkroom.Tests.Infrastructure;

/// <summary>Answers with the status a test sets, when the test chooses.</summary>
public sealed class FakeDatabaseStatus : IDatabaseStatus
{
    private readonly TaskCompletionSource<SchemaStatus> _status = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeDatabaseStatus()
    {
    }

    public FakeDatabaseStatus(SchemaStatus status) => _status.SetResult(status);

    public void Answer(SchemaStatus status) => _status.SetResult(status);

    public Task<SchemaStatus> GetStatusAsync(CancellationToken cancellationToken = default) => _status.Task;
}
