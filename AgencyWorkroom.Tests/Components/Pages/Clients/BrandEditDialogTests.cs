using AgencyWorkroom.Data.Features.Clients;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Pages.Clients;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AgencyWorkroom.Tests.Components.Pages.Clients;

public sealed class BrandEditDialogTests : ComponentTestContext
{
    private static readonly Guid ClientId = Guid.NewGuid();
    private readonly FakeClientCommands _commands = new();

    public BrandEditDialogTests() => Services.AddSingleton<IClientCommands>(_commands);

    [Fact]
    public async Task Submit_NewBrand_CreatesItUnderTheClientAndCloses()
    {
        var (host, dialog) = await ShowAsync(new BrandForm());

        host.Find("[data-testid=field-brand-code] input").Change("CRUNCH");
        host.Find("[data-testid=field-brand-name] input").Change("Crunchy");
        host.Find("form").Submit();

        var result = await dialog.Result;
        var (kind, id, form) = Assert.Single(_commands.BrandSaves);
        Assert.Equal(("create", ClientId), (kind, id));
        Assert.Equal(form.Id, result!.Data);
    }

    [Fact]
    public async Task Submit_ExistingBrand_UpdatesItWithTheVersionItWasReadAt()
    {
        var brandId = Guid.NewGuid();
        var (host, _) = await ShowAsync(new BrandForm { Id = brandId, Version = 17, Code = "CRUNCH", Name = "Crunchy" });

        Assert.Contains("Save brand", host.Find("[data-testid=save]").TextContent);
        host.Find("[data-testid=field-brand-name] input").Change("Crunchier");
        host.Find("form").Submit();

        host.WaitForAssertion(() => Assert.Single(_commands.BrandSaves));
        var (kind, id, form) = _commands.BrandSaves[0];
        Assert.Equal(("update", brandId, 17u), (kind, id, form.Version!.Value));
        Assert.Equal("Crunchier", form.Name);
    }

    [Fact]
    public async Task Submit_SomeoneElseSavedFirst_ShowsWhoStaysOpenAndKeepsTheTypedValues()
    {
        _commands.SaveBrand = _ => Task.FromResult(SaveResult.Conflict("Ann Admin", DateTimeOffset.UtcNow, 18));
        var (host, dialog) = await ShowAsync(new BrandForm { Id = Guid.NewGuid(), Version = 17, Code = "CRUNCH", Name = "Crunchy" });

        host.Find("[data-testid=field-brand-name] input").Change("Crunchier");
        host.Find("form").Submit();

        host.WaitForAssertion(() => Assert.StartsWith("Changed by Ann Admin at ", host.Find("[data-testid=form-conflict]").TextContent.Trim()));
        Assert.Equal("Crunchier", host.Find("[data-testid=field-brand-name] input").GetAttribute("value"));
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task Submit_TwiceWhileTheFirstIsSaving_SavesOnce()
    {
        var pending = new TaskCompletionSource<SaveResult>();
        _commands.SaveBrand = _ => pending.Task;
        var (host, dialog) = await ShowAsync(new BrandForm { Code = "CRUNCH", Name = "Crunchy" });

        // The first save waits on the database; the second click arrives meanwhile and is over once handled.
        var first = host.Find("form").SubmitAsync();
        await host.Find("form").SubmitAsync();
        pending.SetResult(SaveResult.Saved(Guid.NewGuid()));
        await first;

        await dialog.Result;
        Assert.Single(_commands.BrandSaves);
    }

    private Task<(IRenderedComponent<MudDialogProvider> Host, IDialogReference Dialog)> ShowAsync(BrandForm form) =>
        ShowDialogAsync(new DialogParameters<BrandEditDialog> { { d => d.ClientId, ClientId }, { d => d.Form, form } });
}
