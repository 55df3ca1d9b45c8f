using AgencyWorkroom.Data.Features.Assistant;
using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Session;
using AgencyWorkroom.Tests.Infrastructure;
using Microsoft.Extensions.AI;

namespace AgencyWorkroom.Tests.Data.Features.Assistant;

/// <summary>
/// With a chat model: a scripted model asks for a tool and then writes a wrong number. The tool runs
/// as the asker, and what is stored as the figure is the tool's result, not the model's text.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class ChatAssistantTests(TwoTenantWorld world)
{
    [Theory]
    [InlineData("finance", true)]
    [InlineData("creative", false)]
    public async Task AskAsync_TheModelAsksForATool_TheToolsResultIsTheStoredFigure(string role, bool seesMoney)
    {
        await using var person = PersonServices.For(world, world.A, role);
        var model = new ScriptedChatClient(
            [new TextContent("Spring launch has spent 99 % of its budget. "),
             new FunctionCallContent("call-1", "campaign_figures", new Dictionary<string, object?> { ["campaign"] = "Spring launch", ["figures"] = "budget" })],
            [new TextContent("Those are the campaign page's figures.")]);
        var assistant = Assistant(person, model);
        var view = (await person.Get<ICampaignQueries>().GetAsync(world.A.Rows["agency.campaigns"]))!.Overview;
        var streamed = new List<string>();

        var result = await assistant.AskAsync(null, "What has Spring launch spent?", AssistantPageContext.None, onText: piece =>
        {
            streamed.Add(piece);
            return Task.CompletedTask;
        });

        var stored = (await person.Get<IAssistantQueries>().MessagesAsync(result.ConversationId)).Last();
        Assert.Equal("scripted-model", stored.Model);
        Assert.True(stored.Generated);
        Assert.Equal(view.Spend, stored.Figures.Single(f => f.Label == "Spent").Value);
        Assert.Equal(seesMoney, view.Spend is not null);
        Assert.Equal(view.BudgetSpentPct, stored.Figures.Single(f => f.Label == "Budget spent").Value);
        Assert.DoesNotContain(stored.Figures, f => f.Value == 99m || f.Value == 0.99m);
        Assert.Equal(AssistantLinks.Campaign(view.CampaignId), Assert.Single(stored.Citations).Href);
        Assert.Equal(2, streamed.Count);
        // The model's 99 % is no tool's figure: its text is not kept.
        Assert.DoesNotContain("99", stored.Content, StringComparison.Ordinal);
        // The model was given the tool's result, as data in a tool message.
        var toolMessage = model.Received[1].Single(m => m.Role == ChatRole.Tool);
        Assert.Contains("Spring launch", Assert.IsType<FunctionResultContent>(Assert.Single(toolMessage.Contents)).Result?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_TheModelAsksForAnotherTenantsCampaign_GetsNoFigures()
    {
        var other = await ScratchTenant.CreateAsync(world);
        await AssistantWorld.AddCampaignAsync(world, other, "Velvet Otter Launch");
        await using var person = PersonServices.For(world, world.A, "leadership");
        var model = new ScriptedChatClient(
            [new FunctionCallContent("call-1", "campaign_figures", new Dictionary<string, object?> { ["campaign"] = "Velvet Otter Launch", ["figures"] = "margin" })],
            [new TextContent("I could not find it.")]);

        var result = await Assistant(person, model).AskAsync(null, "Margin of Velvet Otter Launch?", AssistantPageContext.None);

        Assert.Empty(result.Answer!.Figures);
        Assert.Empty(result.Answer.Citations);
    }

    internal static AssistantCommands Assistant(PersonServices p, IChatClient model) => new(
        p.Get<UnitOfWork>(), p.Get<ISessionContextSource>(), p.Get<IEmbeddingGenerator<string, Embedding<float>>>(), p.Get<IntentClassifier>(),
        p.Get<IKnowledgeRetrieval>(), p.Get<AssistantTools>(), p.Get<IAssistantQueries>(), [model]);
}
