using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AgencyWorkroom.Tests.Data.Features.Assistant;

/// <summary>A chat model that plays one scripted reply per round and keeps what it was sent.</summary>
internal sealed class ScriptedChatClient(params AIContent[][] rounds) : IChatClient
{
    public List<List<ChatMessage>> Received { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The assistant streams.");

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Received.Add([.. messages]);
        Assert.Contains(options!.Tools!, t => t.Name == "campaign_figures");
        var round = rounds[Math.Min(Received.Count - 1, rounds.Length - 1)];
        foreach (var content in round)
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, [content]) { ModelId = "scripted-model" };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
