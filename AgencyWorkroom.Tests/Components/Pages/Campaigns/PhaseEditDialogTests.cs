using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Pages.Campaigns;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AgencyWorkroom.Tests.Components.Pages.Campaigns;

public sealed class PhaseEditDialogTests : ComponentTestContext
{
    private readonly FakeCampaignCommands _commands = new();

    public PhaseEditDialogTests() => Services.AddSingleton<ICampaignCommands>(_commands);

    [Fact]
    public async Task Submit_EndBeforeStart_ShowsTheMessageNextToTheEndAndSavesNothing()
    {
        var (host, _) = await ShowAsync(Phase(version: null, end: new DateTime(2026, 2, 1)));

        host.Find("form").Submit();

        Assert.Equal("The end date can't be before the start date.",
            host.Find("[data-testid=field-phase-end] .mud-input-helper-text.mud-input-error").TextContent.Trim());
        Assert.Empty(_commands.PhasesSaved);
    }

    [Fact]
    public async Task Submit_NewPhase_SavesTheFormsOwnIdAndCloses()
    {
        var form = Phase(version: null);
        var (host, dialog) = await ShowAsync(form);

        Assert.Contains("Add phase", host.Find("[data-testid=save]").TextContent);
        host.Find("form").Submit();

        var result = await dialog.Result;
        Assert.Same(form, Assert.Single(_commands.PhasesSaved));
        Assert.Equal(form.Id, result!.Data);
    }

    [Fact]
    public async Task Submit_SomeoneElseSavedFirst_ShowsWhoStaysOpenAndKeepsTheTypedValues()
    {
        _commands.SavePhase = _ => Task.FromResult(SaveResult.Conflict("Pat Manager", DateTimeOffset.UtcNow, 8));
        var form = Phase(version: 7);
        var (host, dialog) = await ShowAsync(form);

        host.Find("[data-testid=field-phase-name] input").Change("Big idea");
        host.Find("form").Submit();

        host.WaitForAssertion(() => Assert.StartsWith("Changed by Pat Manager at ", host.Find("[data-testid=form-conflict]").TextContent.Trim()));
        Assert.Equal("Big idea", host.Find("[data-testid=field-phase-name] input").GetAttribute("value"));
        Assert.Equal(8u, form.Version);
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task Submit_TwiceWhileTheFirstIsSaving_SavesOnce()
    {
        var pending = new TaskCompletionSource<SaveResult>();
        _commands.SavePhase = _ => pending.Task;
        var (host, dialog) = await ShowAsync(Phase(version: null));

        // The first save waits on the database; the second click arrives meanwhile and is over once handled.
        var first = host.Find("form").SubmitAsync();
        await host.Find("form").SubmitAsync();
        pending.SetResult(SaveResult.Saved(Guid.NewGuid()));
        await first;

        await dialog.Result;
        Assert.Single(_commands.PhasesSaved);
    }

    private Task<(IRenderedComponent<MudDialogProvider> Host, IDialogReference Dialog)> ShowAsync(PhaseForm form) =>
        ShowDialogAsync(new DialogParameters<PhaseEditDialog> { { d => d.CampaignId, Guid.NewGuid() }, { d => d.Form, form } });

    private static PhaseForm Phase(uint? version, DateTime? end = null) => new()
    {
        Version = version, PhaseType = "creative", Name = "Creative", StartDate = new DateTime(2026, 3, 2), EndDate = end ?? new DateTime(2026, 4, 3),
        BudgetAmount = 4_000,
    };
}
