using AgencyWorkroom.Data.Features.Analytics;
using AgencyWorkroom.Data.Features.Assistant;
using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Assistant;

/// <summary>The offline assistant on the real database, as each role: its figures are the screens' figures.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class AssistantCommandsTests(TwoTenantWorld world)
{
    private Guid Campaign => world.A.Rows["agency.campaigns"];

    [Theory]
    [InlineData("finance")]
    [InlineData("pm")]
    [InlineData("creative")]
    public async Task AskAsync_BudgetOfANamedCampaign_IsTheCampaignPagesFigure(string role)
    {
        await using var person = PersonServices.For(world, world.A, role);
        var page = (await person.Get<ICampaignQueries>().GetAsync(Campaign))!.Overview;

        var result = await person.Get<IAssistantCommands>().AskAsync(null, "How much of the budget is spent on the Spring launch?", AssistantPageContext.None);

        var answer = Assert.IsType<AssistantMessageDto>(result.Answer);
        Assert.Equal(AssistantIntents.CampaignBudget, answer.Intent);
        Assert.Equal(page.BudgetAmount, answer.Figures.Single(f => f.Label == "Budget").Value);
        Assert.Equal(page.BudgetSpentPct, answer.Figures.Single(f => f.Label == "Budget spent").Value);
        Assert.Equal(page.Spend, answer.Figures.Single(f => f.Label == "Spent").Value);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal(AssistantLinks.Campaign(Campaign), citation.Href);
        Assert.False(answer.Generated);

        // What was stored is what was shown.
        var stored = (await person.Get<IAssistantQueries>().MessagesAsync(result.ConversationId)).Last();
        Assert.Equal(answer.Figures, stored.Figures);
        Assert.Equal(answer.Citations, stored.Citations);
    }

    [Fact]
    public async Task AskAsync_OnACampaignsPage_ThisCampaignIsThatOne()
    {
        await using var pm = PersonServices.For(world, world.A, "pm");
        var hours = (await pm.Get<ICampaignQueries>().GetAsync(Campaign))!.Overview.TotalHours;

        var result = await pm.Get<IAssistantCommands>().AskAsync(null, "How many hours have been logged on this campaign?", new AssistantPageContext(Campaign));

        Assert.Equal(hours, result.Answer!.Figures.Single(f => f.Label == "Hours logged").Value);
        Assert.Equal(TwoTenantWorld.LoggedHours, hours);
    }

    [Theory]
    [InlineData("finance", true)]
    [InlineData("leadership", true)]
    [InlineData("creative", false)]
    public async Task AskAsync_Margin_IsNotAvailableWhereTheViewReturnsNull(string role, bool seesMoney)
    {
        await using var person = PersonServices.For(world, world.A, role);
        var view = (await person.Get<ICampaignQueries>().GetAsync(Campaign))!.Overview;

        var answer = (await person.Get<IAssistantCommands>().AskAsync(null, "What is the margin on Spring launch?", AssistantPageContext.None)).Answer!;

        Assert.Equal(AssistantIntents.CampaignMargin, answer.Intent);
        Assert.Equal(view.Margin, answer.Figures.Single(f => f.Label == "Margin").Value);
        Assert.Equal(seesMoney, view.Margin is not null);
        Assert.Equal(!seesMoney, answer.Content.Contains("not available to your role", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AskAsync_APersonsUtilization_IsTheAnalyticsScreensFigure()
    {
        await using var pm = PersonServices.For(world, world.A, "pm");
        var today = DateOnly.FromDateTime(DateTime.Today);
        var period = AnalyticsPeriod.Of(PeriodPreset.ThisMonth, today);
        var screen = await pm.Get<IAnalyticsQueries>().UtilizationAsync(new UtilizationQuery(
            period.From, period.To, UtilizationGrains.Month, UtilizationGroups.Person, EmployeeId: world.A.People["creative"]));

        var answer = (await pm.Get<IAssistantCommands>().AskAsync(null, "What is creative person's utilization this month?", AssistantPageContext.None)).Answer!;

        Assert.Equal(AssistantIntents.Utilization, answer.Intent);
        Assert.Equal(screen.Select(r => r.UtilizationPct), answer.Figures.Where(f => f.Label == "Utilization").Select(f => f.Value));
        Assert.NotEmpty(screen);
    }

    [Fact]
    public async Task AskAsync_AnotherTenantsCampaign_FindsNothing()
    {
        var other = await ScratchTenant.CreateAsync(world);
        await AssistantWorld.AddCampaignAsync(world, other, "Zephyr Quokka Relaunch");
        await using var theirs = other.As(world, "pm");
        await using var ours = PersonServices.For(world, world.A, "leadership");

        var seen = await theirs.Get<IAssistantQueries>().ResolveNamesAsync("budget of Zephyr Quokka Relaunch");
        var unseen = await ours.Get<IAssistantQueries>().ResolveNamesAsync("budget of Zephyr Quokka Relaunch");
        var answer = (await ours.Get<IAssistantCommands>().AskAsync(null, "How much of the budget of Zephyr Quokka Relaunch is spent?", AssistantPageContext.None)).Answer!;

        Assert.Contains(seen, n => n.Name == "Zephyr Quokka Relaunch");
        Assert.DoesNotContain(unseen, n => n.Name.Contains("Zephyr", StringComparison.Ordinal));
        Assert.Empty(answer.Figures);
        Assert.DoesNotContain("Zephyr", string.Join(" ", answer.Citations.Select(c => c.Title)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_TwoNamesFitAsWell_OffersBothThenAnswersThePick()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var spring = await AssistantWorld.AddCampaignAsync(world, tenant, "Harbour Lights Spring");
        await AssistantWorld.AddCampaignAsync(world, tenant, "Harbour Lights Autumn");
        await using var pm = tenant.As(world, "pm");
        var assistant = pm.Get<IAssistantCommands>();

        var first = await assistant.AskAsync(null, "How many hours were logged on Harbour Lights?", AssistantPageContext.None);
        var offered = first.Answer!.DidYouMean;
        var picked = await assistant.AskAsync(first.ConversationId, "How many hours were logged on Harbour Lights?", AssistantPageContext.None,
            offered.Single(o => o.Id == spring));

        Assert.Equal(2, offered.Count);
        Assert.Empty(first.Answer.Figures);
        Assert.Equal("Harbour Lights Spring", picked.Answer!.Figures.First().Subject);
        Assert.Equal(offered, (await pm.Get<IAssistantQueries>().MessagesAsync(first.ConversationId))[1].DidYouMean);
    }

    [Fact]
    public async Task AskAsync_TooLongAQuestion_IsRefusedAndNotStored()
    {
        await using var creative = PersonServices.For(world, world.A, "creative");
        var before = (await creative.Get<IAssistantQueries>().ConversationsAsync()).Count;

        var result = await creative.Get<IAssistantCommands>().AskAsync(null, new string('a', AssistantCommands.MaxQuestionLength + 1), AssistantPageContext.None);

        Assert.Null(result.Answer);
        Assert.Contains("at most 1000 characters", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, (await creative.Get<IAssistantQueries>().ConversationsAsync()).Count);
    }

    [Fact]
    public async Task Conversations_AreOnlyTheAskersOwn()
    {
        await using var creative = PersonServices.For(world, world.A, "creative");
        await using var leadership = PersonServices.For(world, world.A, "leadership");
        var asked = await creative.Get<IAssistantCommands>().AskAsync(null, "Which campaigns are at risk?", AssistantPageContext.None);

        Assert.Contains(await creative.Get<IAssistantQueries>().ConversationsAsync(), c => c.Id == asked.ConversationId);
        Assert.DoesNotContain(await leadership.Get<IAssistantQueries>().ConversationsAsync(), c => c.Id == asked.ConversationId);
        Assert.Empty(await leadership.Get<IAssistantQueries>().MessagesAsync(asked.ConversationId));
        var intrusion = await leadership.Get<IAssistantCommands>().AskAsync(asked.ConversationId, "Which campaigns are at risk?", AssistantPageContext.None);
        Assert.Null(intrusion.Answer);
    }
}
