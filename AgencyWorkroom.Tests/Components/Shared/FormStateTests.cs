using AgencyWorkroom.Data.Features.Clients;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Web.Components.Shared;

namespace AgencyWorkroom.Tests.Components.Shared;

public sealed class FormStateTests
{
    [Fact]
    public async Task SaveAsync_CalledAgainWhileSaving_DoesNotSaveTwice()
    {
        var state = new FormState(new ClientForm());
        var pending = new TaskCompletionSource<SaveResult>();
        var calls = 0;
        Task<SaveResult> Save()
        {
            calls++;
            return pending.Task;
        }

        var first = state.SaveAsync(Save);
        var second = await state.SaveAsync(Save);
        pending.SetResult(SaveResult.Saved(Guid.NewGuid()));

        Assert.Null(second);
        Assert.True((await first)!.Succeeded);
        Assert.Equal(1, calls);
        Assert.False(state.Saving);
    }

    [Fact]
    public async Task SaveAsync_Conflict_KeepsTheTypedValuesAndTakesTheCurrentVersion()
    {
        var form = new ClientForm { Code = "ACME", Name = "Typed", Version = 41 };
        var state = new FormState(form);

        await state.SaveAsync(() => Task.FromResult(SaveResult.Conflict("Ann Admin", DateTimeOffset.UtcNow, 42)));

        Assert.StartsWith("Changed by Ann Admin at ", state.Conflict);
        Assert.Null(state.Error);
        Assert.Equal("Typed", form.Name);
        Assert.Equal(42u, form.Version);
    }

    [Fact]
    public async Task SaveAsync_RefusedAfterAConflict_ClearsTheConflict()
    {
        var state = new FormState(new ClientForm { Version = 1 });
        await state.SaveAsync(() => Task.FromResult(SaveResult.Conflict(null, DateTimeOffset.UtcNow, 2)));

        await state.SaveAsync(() => Task.FromResult(SaveResult.Refused("No.")));

        Assert.Null(state.Conflict);
        Assert.Equal("No.", state.Error);
    }
}
