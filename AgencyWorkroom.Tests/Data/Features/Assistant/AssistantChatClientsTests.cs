using AgencyWorkroom.Data;
using AgencyWorkroom.Data.Features.Assistant;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OllamaSharp;

namespace AgencyWorkroom.Tests.Data.Features.Assistant;

/// <summary>The chat model comes from configuration (Assistant:Chat); none configured is the offline assistant.</summary>
public sealed class AssistantChatClientsTests
{
    [Fact]
    public void NothingConfigured_NoChatClient_TheAssistantAnswersOffline()
    {
        using var provider = Services([]);

        Assert.Null(AssistantChatClients.FromConfiguration(Configuration([])));
        Assert.Empty(provider.GetServices<IChatClient>());
    }

    [Fact]
    public void AnEndpointAndAModel_RegisterAnOpenAiCompatibleClient()
    {
        using var provider = Services(new()
        {
            ["Assistant:Chat:Endpoint"] = "http://localhost:8000/v1",
            ["Assistant:Chat:Model"] = "qwen2.5-7b-instruct",
            ["Assistant:Chat:ApiKey"] = "sk-test",
        });

        var chat = Assert.Single(provider.GetServices<IChatClient>());
        var metadata = chat.GetService<ChatClientMetadata>()!;
        Assert.Equal("openai", metadata.ProviderName);
        Assert.Equal("qwen2.5-7b-instruct", metadata.DefaultModelId);
        Assert.StartsWith("http://localhost:8000/v1", metadata.ProviderUri!.ToString(), StringComparison.Ordinal);
        Assert.IsNotType<OllamaApiClient>(chat);
    }

    [Fact]
    public void KindOllama_RegistersOllamasOwnClient()
    {
        using var provider = Services(new()
        {
            ["Assistant:Chat:Endpoint"] = "http://localhost:11434",
            ["Assistant:Chat:Model"] = "llama3.2",
            ["Assistant:Chat:Kind"] = "Ollama",
        });

        var chat = Assert.IsType<OllamaApiClient>(Assert.Single(provider.GetServices<IChatClient>()));
        Assert.Equal("llama3.2", chat.SelectedModel);
        Assert.Equal(new Uri("http://localhost:11434"), chat.Uri);
    }

    [Theory]
    [InlineData("http://localhost:8000/v1", null, null)]
    [InlineData(null, "gpt-4o-mini", null)]
    [InlineData("localhost:8000", "gpt-4o-mini", null)]
    [InlineData("http://localhost:8000/v1", "gpt-4o-mini", "bard")]
    public void HalfAConfiguration_IsRefusedWithAMessage(string? endpoint, string? model, string? kind)
    {
        var configuration = Configuration(new()
        {
            ["Assistant:Chat:Endpoint"] = endpoint,
            ["Assistant:Chat:Model"] = model,
            ["Assistant:Chat:Kind"] = kind,
        });

        var error = Assert.Throws<InvalidOperationException>(() => AssistantChatClients.FromConfiguration(configuration));

        Assert.StartsWith("Assistant:Chat", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static ServiceProvider Services(Dictionary<string, string?> values)
    {
        values["ConnectionStrings:Workroom"] = "Host=localhost;Database=none";
        values["ConnectionStrings:WorkroomIdentity"] = "Host=localhost;Database=none";
        return new ServiceCollection().AddLogging().AddWorkroomData(Configuration(values)).BuildServiceProvider();
    }
}
