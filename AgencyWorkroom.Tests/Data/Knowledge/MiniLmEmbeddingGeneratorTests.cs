using AgencyWorkroom.Data.Knowledge;
using Microsoft.Extensions.AI;

namespace AgencyWorkroom.Tests.Data.Knowledge;

/// <summary>The real model, run locally: it loads in about a second, so the class shares one.</summary>
public sealed class MiniLmEmbeddingGeneratorTests(MiniLmEmbeddingGenerator generator) : IClassFixture<MiniLmEmbeddingGenerator>
{
    [Fact]
    public async Task GenerateAsync_Texts_GivesOneUnitVectorOf384DimensionsEach()
    {
        var embeddings = await generator.GenerateAsync(["brand colour guidelines", "quarterly tax filing", ""]);

        Assert.Equal(3, embeddings.Count);
        Assert.All(embeddings, e => Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, e.Vector.Length));
        Assert.All(embeddings, e => Assert.Equal(1.0, Length(e.Vector.Span), 4));
    }

    [Fact]
    public async Task GenerateAsync_RelatedTexts_AreCloserThanUnrelatedOnes()
    {
        var embeddings = await generator.GenerateAsync(["brand colour guidelines", "logo colours", "quarterly tax filing"]);

        var related = Cosine(embeddings[0], embeddings[1]);
        var unrelated = Cosine(embeddings[0], embeddings[2]);

        Assert.True(related > unrelated + 0.2, $"related {related:0.000}, unrelated {unrelated:0.000}");
    }

    [Fact]
    public async Task GenerateAsync_SameText_SameVectorWhateverTheBatch()
    {
        const string text = "Timesheets are submitted by Friday at 17:00 and approved by the project manager.";
        var alone = await generator.GenerateAsync([text]);
        var batched = await generator.GenerateAsync([.. Enumerable.Repeat("a much longer neighbour in the same batch", 20), text]);

        Assert.Equal(alone[0].Vector.ToArray(), batched[^1].Vector.ToArray());
    }

    [Fact]
    public async Task GenerateAsync_OtherDimensionsAsked_IsRefused() =>
        await Assert.ThrowsAsync<NotSupportedException>(() =>
            generator.GenerateAsync(["text"], new EmbeddingGenerationOptions { Dimensions = 768 }));

    [Fact]
    public void GetService_Metadata_NamesTheLocalModel()
    {
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.Equal(MiniLmEmbeddingGenerator.ModelId, metadata?.DefaultModelId);
        Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, metadata?.DefaultModelDimensions);
        Assert.Same(generator, generator.GetService<MiniLmEmbeddingGenerator>());
    }

    [Fact]
    public void CountTokens_Sentence_CountsWordPiecesWithSpecialTokens() =>
        Assert.Equal(2 + 3, generator.CountTokens("the red logo"));

    private static double Length(ReadOnlySpan<float> vector)
    {
        var sum = 0.0;
        foreach (var x in vector)
        {
            sum += x * x;
        }

        return Math.Sqrt(sum);
    }

    private static double Cosine(Embedding<float> a, Embedding<float> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Vector.Length; i++)
        {
            sum += a.Vector.Span[i] * b.Vector.Span[i];
        }

        return sum;
    }
}
