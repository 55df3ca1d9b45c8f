using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace AgencyWorkroom.Data.Knowledge;

/// <summary>
/// Embeddings from a server: an OpenAI-compatible endpoint (<c>POST {Url}/embeddings</c>) or
/// Ollama (<c>POST {Url}/api/embed</c>). The model must give the column's 384 dimensions (the
/// pipeline refuses any other; another dimension needs a migration of its own). A small client of
/// its own rather than a provider package: two JSON shapes, and the app runs without either.
/// </summary>
public sealed class HttpEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly HttpClient _http;
    private readonly string _kind;

    public HttpEmbeddingGenerator(HttpClient http, string kind, string model)
    {
        if (kind is not ("openai" or "ollama"))
        {
            throw new ArgumentException($"Knowledge:Embedder:Kind is minilm, openai or ollama, not '{kind}'.", nameof(kind));
        }

        _http = http;
        _kind = kind;
        Metadata = new EmbeddingGeneratorMetadata(kind, http.BaseAddress, model, MiniLmEmbeddingGenerator.Dimensions);
    }

    public EmbeddingGeneratorMetadata Metadata { get; }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var input = values.ToArray();
        var model = Metadata.DefaultModelId!;
        float[][] vectors;
        if (_kind == "ollama")
        {
            using var response = await _http.PostAsJsonAsync("api/embed", new { model, input }, cancellationToken);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<OllamaResponse>(cancellationToken);
            vectors = body?.Embeddings ?? [];
        }
        else
        {
            using var response = await _http.PostAsJsonAsync("embeddings", new { model, input }, cancellationToken);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<OpenAiResponse>(cancellationToken);
            vectors = (body?.Data ?? []).OrderBy(d => d.Index).Select(d => d.Embedding).ToArray();
        }

        if (vectors.Length != input.Length)
        {
            throw new InvalidOperationException($"The embedder at {_http.BaseAddress} returned {vectors.Length} vectors for {input.Length} texts.");
        }

        return new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = model }));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// The embedder <c>Knowledge:Embedder</c> names: <c>Kind</c> minilm (the default, local, no
    /// network), or openai / ollama with <c>Url</c> (for OpenAI-compatible servers, the base that
    /// ends in <c>/v1</c>), <c>Model</c>, and for openai an optional <c>ApiKey</c>.
    /// </summary>
    public static IEmbeddingGenerator<string, Embedding<float>> FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Knowledge:Embedder");
        var kind = (section["Kind"] ?? "minilm").Trim().ToLowerInvariant();
        if (kind is "" or "minilm")
        {
            return new MiniLmEmbeddingGenerator();
        }

        var url = section["Url"] is { Length: > 0 } u ? u : throw new InvalidOperationException($"Knowledge:Embedder:Url is needed for the {kind} embedder.");
        var model = section["Model"] is { Length: > 0 } m ? m : throw new InvalidOperationException($"Knowledge:Embedder:Model is needed for the {kind} embedder.");
        var http = new HttpClient { BaseAddress = new Uri(url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(2) };
        if (section["ApiKey"] is { Length: > 0 } key)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        return new HttpEmbeddingGenerator(http, kind, model);
    }

    private sealed class OllamaResponse
    {
        [JsonPropertyName("embeddings")]
        public float[][]? Embeddings { get; init; }
    }

    private sealed class OpenAiResponse
    {
        [JsonPropertyName("data")]
        public OpenAiEmbedding[]? Data { get; init; }
    }

    private sealed class OpenAiEmbedding
    {
        [JsonPropertyName("index")]
        public int Index { get; init; }

        [JsonPropertyName("embedding")]
        public float[] Embedding { get; init; } = [];
    }
}
