using System.Net;
using System.Text;
using AgencyWorkroom.Data.Features.Knowledge;
using AgencyWorkroom.Data.Knowledge;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace AgencyWorkroom.Tests.Data.Knowledge;

/// <summary>Knowledge:Embedder picks the embedder; the server embedders speak OpenAI's and Ollama's JSON, and the pipeline refuses another width.</summary>
public sealed class HttpEmbeddingGeneratorTests
{
    [Fact]
    public void FromConfiguration_Nothing_IsTheLocalMiniLm()
    {
        using var embedder = HttpEmbeddingGenerator.FromConfiguration(new ConfigurationBuilder().Build());

        Assert.IsType<MiniLmEmbeddingGenerator>(embedder);
        Assert.Equal("all-MiniLM-L6-v2", new KnowledgePipeline(embedder).Model);
    }

    [Fact]
    public void FromConfiguration_AServerWithoutUrl_IsRefused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:Embedder:Kind"] = "ollama", ["Knowledge:Embedder:Model"] = "all-minilm",
        }).Build();

        Assert.Contains("Url", Assert.Throws<InvalidOperationException>(() => HttpEmbeddingGenerator.FromConfiguration(configuration)).Message);
    }

    [Theory]
    [InlineData("openai", "embeddings", """{"data":[{"index":1,"embedding":VECTOR2},{"index":0,"embedding":VECTOR1}]}""")]
    [InlineData("ollama", "api/embed", """{"embeddings":[VECTOR1,VECTOR2]}""")]
    public async Task Server_VectorsInOrder_NamedByTheConfiguredModel(string kind, string path, string body)
    {
        var one = "[" + string.Join(",", Enumerable.Repeat("0.1", 384)) + "]";
        var two = "[" + string.Join(",", Enumerable.Repeat("0.2", 384)) + "]";
        var handler = new Scripted(body.Replace("VECTOR1", one).Replace("VECTOR2", two));
        using var embedder = new HttpEmbeddingGenerator(new HttpClient(handler) { BaseAddress = new Uri("http://embedder.test/v1/") }, kind, "all-minilm");

        var vectors = await new KnowledgePipeline(embedder).EmbedAsync(["first", "second"]);

        Assert.Equal($"http://embedder.test/v1/{path}", handler.Asked);
        Assert.Contains("\"model\":\"all-minilm\"", handler.Sent);
        Assert.Equal([0.1f, 0.2f], vectors.Select(v => v[0]));
        Assert.Equal("all-minilm", new KnowledgePipeline(embedder).Model);
    }

    [Fact]
    public async Task Pipeline_AnotherDimension_IsRefused()
    {
        var handler = new Scripted("""{"embeddings":[[0.1,0.2,0.3]]}""");
        using var embedder = new HttpEmbeddingGenerator(new HttpClient(handler) { BaseAddress = new Uri("http://embedder.test/") }, "ollama", "nomic");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => new KnowledgePipeline(embedder).EmbedAsync(["text"]));

        Assert.Contains("3 dimensions", refused.Message);
    }

    private sealed class Scripted(string response) : HttpMessageHandler
    {
        public string? Asked { get; private set; }

        public string Sent { get; private set; } = "";

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Asked = request.RequestUri!.ToString();
            Sent = await request.Content!.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(response, Encoding.UTF8, "application/json") };
        }
    }
}
