using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Pages.Admin;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AgencyWorkroom.Tests.Components.Pages.Admin;

public sealed class PeoplePageTests : ComponentTestContext
{
    private static readonly MeDto Admin = new(Guid.NewGuid(), "Ann Admin", "admin", "Northwind Creative");
    private readonly FakePeopleCommands _commands = new();

    [Fact]
    public void Render_NotAnAdmin_SaysWhoManagesPeopleAndShowsNoForm()
    {
        var page = Show(Admin with { Role = "pm" });

        Assert.Contains("Only admins manage people", page.Find("[data-testid=not-admin]").TextContent);
        Assert.Empty(page.FindAll("form"));
    }

    [Fact]
    public void Render_PeopleByStatus_PendingOnesOfferToFinish()
    {
        var page = Show(Admin, Person("Ann Admin", active: true, pending: false) with { Id = Admin.EmployeeId },
            Person("Pia Pending", active: false, pending: true), Person("Dee Deactivated", active: false, pending: false));

        Assert.Equal(["Active", "Pending", "Deactivated"], page.FindAll("[data-testid=person-status]").Select(s => s.TextContent.Trim()));
        Assert.Equal("Pending — finish", page.Find("[data-testid=finish]").TextContent.Trim());
        Assert.Equal(["Reactivate"], page.FindAll("[data-testid=toggle-active]").Select(b => b.TextContent.Trim()));
    }

    [Fact]
    public void Finish_PendingPerson_SendsTheirDetailsWithTheNewPasswordAgain()
    {
        var pending = Person("Pia Pending", active: false, pending: true);
        var page = Show(Admin, pending);

        page.Find("[data-testid=finish]").Click();
        page.Find("[data-testid=field-password] input").Change("Brand-new-pass-1");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Single(_commands.Created));
        var sent = _commands.Created[0];
        Assert.Equal((pending.FullName, pending.Email, pending.Role, "Brand-new-pass-1"), (sent.FullName, sent.Email, sent.Role, sent.Password));
    }

    [Fact]
    public void Submit_EmailTaken_ShowsTheMessageNextToTheEmailAndKeepsTheForm()
    {
        _commands.Create = _ => Task.FromResult(SaveResult.Field(nameof(NewPersonForm.Email), PeopleCommands.EmailInUse));
        var page = Show(Admin);

        Fill(page, "Nia New", "nia@northwind.test");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal(PeopleCommands.EmailInUse,
            page.Find("[data-testid=field-email] .mud-input-helper-text.mud-input-error").TextContent.Trim()));
        Assert.Equal("Nia New", page.Find("[data-testid=field-full-name] input").GetAttribute("value"));
    }

    [Fact]
    public void Submit_Added_EmptiesTheFormForTheNextPerson()
    {
        var page = Show(Admin);

        Fill(page, "Nia New", "nia@northwind.test");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Single(_commands.Created));
        page.WaitForAssertion(() => Assert.Equal("", page.Find("[data-testid=field-full-name] input").GetAttribute("value") ?? ""));
    }

    [Fact]
    public async Task Submit_TwiceWhileTheFirstIsSaving_AddsOnce()
    {
        var saving = new TaskCompletionSource<SaveResult>();
        _commands.Create = _ => saving.Task;
        var page = Show(Admin);
        Fill(page, "Nia New", "nia@northwind.test");

        var first = page.Find("form").SubmitAsync();
        await page.Find("form").SubmitAsync();
        saving.SetResult(SaveResult.Saved(Guid.NewGuid()));
        await first;

        Assert.Single(_commands.Created);
    }

    private IRenderedComponent<PeoplePage> Show(MeDto me, params PersonDto[] people)
    {
        Services.AddSingleton<IPeopleQueries>(new FakePeopleQueries(me, people));
        Services.AddSingleton<IPeopleCommands>(_commands);
        Render<MudBlazor.MudPopoverProvider>();
        return Render<PeoplePage>();
    }

    private static void Fill(IRenderedComponent<PeoplePage> page, string name, string email)
    {
        page.Find("[data-testid=field-full-name] input").Change(name);
        page.Find("[data-testid=field-email] input").Change(email);
        page.Find("[data-testid=field-password] input").Change("Brand-new-pass-1");
    }

    private static PersonDto Person(string name, bool active, bool pending) =>
        new(Guid.NewGuid(), name, $"{name.Split(' ')[0].ToLowerInvariant()}@northwind.test", null, null, "creative", active, active, pending);
}
