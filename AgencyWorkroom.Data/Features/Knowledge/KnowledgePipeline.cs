using AgencyWorkroom.Data.Knowledge;
using Microsoft.Extensions.AI;

namespace AgencyWorkroom.Data.Features.Knowledge;

/// <summary>
/// The one way text becomes passages and passages become vectors, for the app's ingestion and the
/// demo seed alike: Markdown cut by <see cref="MarkdownChunker"/>, embedded by the configured
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> (MiniLM unless <c>Knowledge:Embedder</c> says
/// otherwise) in batches, every vector checked for the column's dimension and labelled with its model.
/// </summary>
public sealed class KnowledgePipeline(IEmbeddingGenerator<string, Embedding<float>> embeddings)
{
    /// <summary>The column's dimension (005): another needs a migration of its own.</summary>
    public const int Dimensions = 384;

    /// <summary>Passages embedded per call; progress is reported after each batch.</summary>
    public const int BatchSize = 8;

    private readonly MarkdownChunker _chunker = new();

    /// <summary>The model recorded with every passage, and the one a search keeps to.</summary>
    public string Model { get; } =
        embeddings.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? MiniLmEmbeddingGenerator.ModelId;

    /// <summary>A knowledge document's passages: its Markdown, which carries its own headings.</summary>
    public IReadOnlyList<MarkdownChunk> ChunkDocument(string content) => _chunker.Chunk(content);

    /// <summary>An artifact's passages: its title as a heading over its content, so each passage says what it is from.</summary>
    public IReadOnlyList<MarkdownChunk> ChunkArtifact(string title, string content) => _chunker.Chunk($"# {title}\n\n{content}");

    /// <summary>The word pieces a passage takes, when the embedder can tell (MiniLM can).</summary>
    public int? CountTokens(string text) => embeddings.GetService<MiniLmEmbeddingGenerator>()?.CountTokens(text);

    /// <summary>The vectors of <paramref name="texts"/>, in order; <paramref name="progress"/> hears how many are done after each batch.</summary>
    public async Task<IReadOnlyList<float[]>> EmbedAsync(
        IReadOnlyList<string> texts, Func<int, Task>? progress = null, CancellationToken cancellationToken = default)
    {
        var vectors = new List<float[]>(texts.Count);
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = texts.Skip(start).Take(BatchSize).ToList();
            var generated = await embeddings.GenerateAsync(batch, cancellationToken: cancellationToken);
            if (generated.Count != batch.Count)
            {
                throw new InvalidOperationException($"The embedder {Model} returned {generated.Count} vectors for {batch.Count} passages.");
            }

            foreach (var embedding in generated)
            {
                if (embedding.Vector.Length != Dimensions)
                {
                    throw new InvalidOperationException(
                        $"The embedder {Model} gives {embedding.Vector.Length} dimensions; passages are stored with {Dimensions} (another dimension needs a migration).");
                }

                vectors.Add(embedding.Vector.ToArray());
            }

            if (progress is not null)
            {
                await progress(vectors.Count);
            }
        }

        return vectors;
    }
}
