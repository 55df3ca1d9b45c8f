using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Pages.Campaigns;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AgencyWorkroom.Tests.Components.Pages.Campaigns;

public sealed class CampaignEditPageTests : ComponentTestContext
{
    private readonly FakeCampaignCommands _commands = new();

    [Fact]
    public void Submit_EndBeforeStart_ShowsTheMessageNextToTheEndDate()
    {
        var page = Show("pm", Valid(start: new DateTime(2026, 6, 30), end: new DateTime(2026, 6, 1)));

        page.Find("form").Submit();

        // MudBlazor shows a field's message after its own validation round, which may finish after Submit returns.
        page.WaitForAssertion(() => Assert.Equal("The end date can't be before the start date.", FieldError(page, "field-end-date")));
        Assert.Empty(_commands.Saved);
    }

    [Fact]
    public void Submit_NegativeBudget_ShowsTheMessageNextToTheBudget()
    {
        var form = Valid();
        form.BudgetAmount = -5;
        var page = Show("account", form);

        page.Find("form").Submit();

        // MudBlazor shows a field's message after its own validation round, which may finish after Submit returns.
        page.WaitForAssertion(() => Assert.Equal("The budget can't be negative.", FieldError(page, "field-budget")));
        Assert.Empty(_commands.Saved);
    }

    [Fact]
    public void Submit_Valid_SavesAndOpensTheCampaign()
    {
        var page = Show("admin", Valid());

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Single(_commands.Saved));
        Assert.Contains("/campaigns/", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void Submit_SomeoneElseSavedFirst_ShowsWhoAboveTheFormAndKeepsTheTypedValues()
    {
        _commands.Save = _ => Task.FromResult(SaveResult.Conflict("Pat Manager", new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero), 42));
        var page = Show("pm", Valid());

        page.Find("[data-testid=field-name] input").Change("My new name");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.StartsWith("Changed by Pat Manager at ", page.Find("[data-testid=form-conflict]").TextContent.Trim()));
        Assert.Equal("My new name", page.Find("[data-testid=field-name] input").GetAttribute("value"));
        Assert.Empty(page.FindAll("[data-testid=form-error]"));
        Assert.DoesNotContain("/campaigns/", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Theory]
    [InlineData("creative")]
    [InlineData("finance")]
    [InlineData("leadership")]
    public void Render_RoleThatMayNotWrite_IsReadOnly(string role)
    {
        var page = Show(role, Valid());

        Assert.NotNull(page.Find("[data-testid=read-only]"));
        Assert.True(page.Find("[data-testid=save]").HasAttribute("disabled"));
    }

    [Fact]
    public void FromTemplate_KeepsSettings_NewCodeAndDatesFromToday()
    {
        var template = Valid(start: new DateTime(2025, 1, 6), end: new DateTime(2025, 3, 2));
        template.AlertThresholds = "80, 100";
        template.Version = 7;
        var templateId = template.Id;

        var copy = CampaignEditPage.FromTemplate(template, new DateTime(2026, 5, 4));

        // A new row of its own: saving the copy inserts, never touches the template.
        Assert.NotEqual(templateId, copy.Id);
        Assert.True(copy.IsNew);

        Assert.Equal("", copy.Code);
        Assert.Equal("Copy of Spring launch", copy.Name);
        Assert.Equal("planning", copy.Status);
        Assert.Equal(new DateTime(2026, 5, 4), copy.StartDate);
        Assert.Equal(new DateTime(2026, 6, 28), copy.EndDate);
        Assert.Equal("80, 100", copy.AlertThresholds);
    }

    [Theory]
    [InlineData("50, 75, 90, 100", new[] { 50, 75, 90, 100 })]
    [InlineData("100;50 50%", new[] { 50, 100 })]
    [InlineData("0, 50", null)]
    [InlineData("fifty", null)]
    [InlineData("", null)]
    public void ParseThresholds_AcceptsWholePercentagesOnly(string text, int[]? expected) =>
        Assert.Equal(expected, CampaignForm.ParseThresholds(text));

    private IRenderedComponent<CampaignEditPage> Show(string role, CampaignForm form)
    {
        Services.AddSingleton<ICampaignQueries>(new FakeCampaignQueries { Form = form });
        Services.AddSingleton<ICampaignCommands>(_commands);
        Services.AddSingleton<IPeopleQueries>(new FakePeopleQueries(new MeDto(Guid.NewGuid(), "Someone", role, "Northwind Creative")));
        Render<MudBlazor.MudPopoverProvider>();
        return Render<CampaignEditPage>(p => p.Add(c => c.CampaignId, Guid.NewGuid()));
    }

    private static CampaignForm Valid(DateTime? start = null, DateTime? end = null) => new()
    {
        ClientId = FakeCampaignQueries.Client.Id,
        Code = "SPRING-26",
        Name = "Spring launch",
        BudgetAmount = 50_000,
        StartDate = start ?? new DateTime(2026, 3, 2),
        EndDate = end ?? new DateTime(2026, 5, 29),
    };

    private static string FieldError(IRenderedComponent<CampaignEditPage> page, string field) =>
        page.Find($"[data-testid={field}] .mud-input-helper-text.mud-input-error").TextContent.Trim();
}
