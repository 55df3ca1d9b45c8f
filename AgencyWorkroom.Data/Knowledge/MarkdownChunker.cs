using System.Text.RegularExpressions;

namespace AgencyWorkroom.Data.Knowledge;

/// <summary>A passage of a Markdown document: what gets embedded, retrieved and cited.</summary>
public sealed record MarkdownChunk(int ChunkIndex, string Content, int WordCount);

/// <summary>
/// Splits Markdown into passages of roughly <see cref="TargetWords"/> to <see cref="MaxWords"/> words,
/// cutting only between blocks (headings, paragraphs, lists, code fences) and, for a paragraph
/// too long on its own, between sentences. A heading opens a new passage once the current one is
/// half full, and a passage that starts inside a section repeats that section's heading, so each
/// passage still says what it is about when it is read alone.
/// </summary>
public sealed partial class MarkdownChunker
{
    public MarkdownChunker(int targetWords = 200, int maxWords = 280)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(targetWords, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWords, targetWords);
        TargetWords = targetWords;
        MaxWords = maxWords;
    }

    /// <summary>A passage is closed at the next block boundary once it has this many words.</summary>
    public int TargetWords { get; }

    /// <summary>No passage grows past this, unless a single word is longer than everything else.</summary>
    public int MaxWords { get; }

    public IReadOnlyList<MarkdownChunk> Chunk(string markdown)
    {
        var chunks = new List<MarkdownChunk>();
        var current = new List<string>();
        var currentWords = 0;
        string? sectionHeading = null;

        void Flush()
        {
            if (currentWords > 0)
            {
                chunks.Add(new MarkdownChunk(chunks.Count, string.Join("\n\n", current), currentWords));
            }

            current.Clear();
            currentWords = 0;
        }

        foreach (var block in Blocks(markdown))
        {
            var words = CountWords(block);
            var isHeading = HeadingLine().IsMatch(block);
            if (isHeading && currentWords >= TargetWords / 2)
            {
                Flush();
            }
            else if (currentWords > 0 && (currentWords >= TargetWords || currentWords + words > MaxWords))
            {
                // A heading never ends a passage: it goes on with the text it introduces.
                if (current.Count > 1 && HeadingLine().IsMatch(current[^1]))
                {
                    currentWords -= CountWords(current[^1]);
                    current.RemoveAt(current.Count - 1);
                }

                Flush();
            }

            if (currentWords == 0 && !isHeading && sectionHeading is not null)
            {
                current.Add(sectionHeading);
                currentWords += CountWords(sectionHeading);
            }

            current.Add(block);
            currentWords += words;
            if (isHeading)
            {
                sectionHeading = block;
            }
        }

        Flush();
        return MergeShortTail(chunks);
    }

    public static int CountWords(string text) => WordPattern().Count(text);

    // A last passage of a few words reads better as the end of the one before it.
    private List<MarkdownChunk> MergeShortTail(List<MarkdownChunk> chunks)
    {
        if (chunks.Count < 2 || chunks[^1].WordCount >= TargetWords / 4)
        {
            return chunks;
        }

        var (previous, tail) = (chunks[^2], chunks[^1]);
        if (previous.WordCount + tail.WordCount > MaxWords)
        {
            return chunks;
        }

        chunks[^2] = previous with
        {
            Content = previous.Content + "\n\n" + tail.Content,
            WordCount = previous.WordCount + tail.WordCount,
        };
        chunks.RemoveAt(chunks.Count - 1);
        return chunks;
    }

    /// <summary>Headings, paragraphs and whole code fences; paragraphs longer than the limit in sentence groups.</summary>
    private IEnumerable<string> Blocks(string markdown)
    {
        var lines = new List<string>();
        var inFence = false;

        foreach (var raw in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (FenceLine().IsMatch(line))
            {
                inFence = !inFence;
                lines.Add(line);
                continue;
            }

            if (inFence)
            {
                lines.Add(line);
                continue;
            }

            if (line.Length == 0 || HeadingLine().IsMatch(line))
            {
                foreach (var block in Split(lines))
                {
                    yield return block;
                }

                lines.Clear();
                if (line.Length > 0)
                {
                    yield return line.Trim();
                }

                continue;
            }

            lines.Add(line);
        }

        foreach (var block in Split(lines))
        {
            yield return block;
        }
    }

    private IEnumerable<string> Split(List<string> lines)
    {
        if (lines.Count == 0)
        {
            yield break;
        }

        var block = string.Join("\n", lines).Trim('\n');
        if (CountWords(block) <= MaxWords || FenceLine().IsMatch(lines[0]))
        {
            yield return block;
            yield break;
        }

        var group = new List<string>();
        var groupWords = 0;
        foreach (var sentence in Sentences(block))
        {
            var words = CountWords(sentence);
            if (groupWords > 0 && groupWords + words > MaxWords)
            {
                yield return string.Join(" ", group);
                group.Clear();
                groupWords = 0;
            }

            group.Add(sentence);
            groupWords += words;
        }

        if (group.Count > 0)
        {
            yield return string.Join(" ", group);
        }
    }

    // Sentences, and a sentence longer than the limit in slices of whole words.
    private IEnumerable<string> Sentences(string paragraph)
    {
        foreach (var sentence in SentenceBreak().Split(paragraph))
        {
            var words = WordPattern().Matches(sentence).Select(m => m.Value).ToArray();
            for (var i = 0; i < words.Length; i += MaxWords)
            {
                yield return string.Join(" ", words.Skip(i).Take(MaxWords));
            }
        }
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"^\s{0,3}(```|~~~)")]
    private static partial Regex FenceLine();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceBreak();
}
