using AgencyWorkroom.Data.Knowledge;

namespace AgencyWorkroom.Tests.Data.Knowledge;

public sealed class MarkdownChunkerTests
{
    private readonly MarkdownChunker _chunker = new(targetWords: 200, maxWords: 280);

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  \n")]
    public void Chunk_NoText_GivesNoPassages(string markdown) => Assert.Empty(_chunker.Chunk(markdown));

    [Fact]
    public void Chunk_ShortDocument_IsOnePassageAsWritten()
    {
        const string markdown = "# Travel policy\n\nBook travel seven days ahead.\n\n- Rail: standard class\n- Flights: economy";

        var chunk = Assert.Single(_chunker.Chunk(markdown));

        Assert.Equal(0, chunk.ChunkIndex);
        Assert.Equal(markdown, chunk.Content);
        Assert.Equal(MarkdownChunker.CountWords(markdown), chunk.WordCount);
    }

    [Fact]
    public void Chunk_LongDocument_PassagesStayWithinLimitsAndAreNumberedInOrder()
    {
        var markdown = Document(sections: 12, paragraphsPerSection: 3, wordsPerParagraph: 45);

        var chunks = _chunker.Chunk(markdown);

        Assert.True(chunks.Count > 3);
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.ChunkIndex));
        Assert.All(chunks, c => Assert.InRange(c.WordCount, 1, 280));
        Assert.All(chunks.SkipLast(1), c => Assert.True(c.WordCount >= 100, $"passage {c.ChunkIndex} has only {c.WordCount} words"));
        Assert.All(chunks, c => Assert.Equal(MarkdownChunker.CountWords(c.Content), c.WordCount));
    }

    [Fact]
    public void Chunk_LongDocument_LosesNoParagraphAndCutsNone()
    {
        var markdown = Document(sections: 6, paragraphsPerSection: 4, wordsPerParagraph: 60);
        var paragraphs = markdown.Split("\n\n").Where(b => !b.StartsWith('#')).ToList();

        var chunks = _chunker.Chunk(markdown);

        // Each paragraph appears whole in exactly one passage.
        Assert.All(paragraphs, p => Assert.Single(chunks, c => c.Content.Contains(p, StringComparison.Ordinal)));
    }

    [Fact]
    public void Chunk_PassageStartingInsideASection_RepeatsItsHeading()
    {
        var markdown = Document(sections: 2, paragraphsPerSection: 8, wordsPerParagraph: 50);

        var chunks = _chunker.Chunk(markdown);

        Assert.True(chunks.Count >= 3);
        Assert.All(chunks, c => Assert.StartsWith("## Section", c.Content, StringComparison.Ordinal));
        Assert.All(chunks, c => Assert.False(c.Content.Split("\n\n")[^1].StartsWith('#'), "a passage ends on a heading"));
    }

    [Fact]
    public void Chunk_HeadingAfterAHalfFullPassage_StartsANewOne()
    {
        var markdown = $"## Colours\n\n{Words("navy", 120)}\n\n## Typography\n\n{Words("serif", 60)}";

        var chunks = _chunker.Chunk(markdown);

        Assert.Equal(2, chunks.Count);
        Assert.StartsWith("## Typography", chunks[1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Chunk_ParagraphLongerThanTheLimit_SplitsBetweenSentences()
    {
        var sentences = Enumerable.Range(1, 40).Select(i => $"Sentence {i} {Words("word", 12)}.").ToList();

        var chunks = _chunker.Chunk(string.Join(" ", sentences));

        Assert.True(chunks.Count >= 2);
        Assert.All(chunks, c => Assert.InRange(c.WordCount, 1, 280));
        Assert.All(chunks, c => Assert.EndsWith(".", c.Content, StringComparison.Ordinal));
        Assert.Equal(sentences.Sum(MarkdownChunker.CountWords), chunks.Sum(c => c.WordCount));
    }

    [Fact]
    public void Chunk_CodeFenceWithBlankLines_StaysInOnePassage()
    {
        const string fence = "```\nstep one\n\nstep two\n\nstep three\n```";
        var markdown = $"{Words("intro", 30)}\n\n{fence}\n\n{Words("outro", 30)}";

        var chunks = _chunker.Chunk(markdown);

        Assert.Single(chunks, c => c.Content.Contains(fence, StringComparison.Ordinal));
    }

    [Fact]
    public void Constructor_MaxBelowTarget_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MarkdownChunker(targetWords: 300, maxWords: 200));

    private static string Words(string word, int count) => string.Join(" ", Enumerable.Repeat(word, count));

    private static string Document(int sections, int paragraphsPerSection, int wordsPerParagraph) =>
        string.Join("\n\n", Enumerable.Range(1, sections).Select(s =>
            $"## Section {s}\n\n" + string.Join("\n\n", Enumerable.Range(1, paragraphsPerSection).Select(p =>
                string.Join(" ", Enumerable.Range(1, wordsPerParagraph).Select(w => $"s{s}p{p}w{w}"))))));
}
