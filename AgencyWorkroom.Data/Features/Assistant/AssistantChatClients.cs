using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using OllamaSharp;
using OpenAI;

namespace AgencyWorkroom.Data.Features.Assistant;

/// <summary>
/// The chat model, by configuration: <c>Assistant:Chat:Endpoint</c> and <c>Assistant:Chat:Model</c>
/// (and <c>Assistant:Chat:ApiKey</c> where the server wants one) give an <see cref="IChatClient"/>
/// for an OpenAI-compatible endpoint (OpenAI, Azure OpenAI's v1 API, vLLM, LM Studio, Ollama's
/// <c>/v1</c>), or for Ollama's own API with <c>Assistant:Chat:Kind=ollama</c>. Nothing configured
/// is the default: no chat client, and the assistant answers offline (decision 022).
/// </summary>
public static class AssistantChatClients
{
    public const string Section = "Assistant:Chat";
    public const string OpenAiKind = "openai";
    public const string OllamaKind = "ollama";

    /// <summary>The configured chat client, or null when none is configured (the offline assistant).</summary>
    /// <exception cref="InvalidOperationException">Half a configuration: an endpoint without a model, a model without an endpoint, an unknown kind.</exception>
    public static IChatClient? FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var endpoint = section["Endpoint"];
        var model = section["Model"];
        if (string.IsNullOrWhiteSpace(endpoint) && string.IsNullOrWhiteSpace(model))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(endpoint) || string.IsNullOrWhiteSpace(model)
            || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException(
                $"{Section} needs both Endpoint (an http or https URL) and Model; leave both empty for the offline assistant.");
        }

        var kind = (section["Kind"] ?? OpenAiKind).Trim().ToLowerInvariant();
        return kind switch
        {
            OpenAiKind => new OpenAI.Chat.ChatClient(model, new ApiKeyCredential(string.IsNullOrEmpty(section["ApiKey"]) ? "none" : section["ApiKey"]!),
                new OpenAIClientOptions { Endpoint = uri }).AsIChatClient(),
            OllamaKind => new OllamaApiClient(uri, model),
            _ => throw new InvalidOperationException($"{Section}:Kind is '{kind}'; it is {OpenAiKind} (the default) or {OllamaKind}."),
        };
    }
}
