using AgencyWorkroom.Data.Knowledge;
using BenchmarkDotNet.Attributes;

namespace AgencyWorkroom.Benchmarks.Knowledge;

/// <summary>
/// Micro-benchmarks run by BenchmarkDotNet in this process: one question embedded the way the
/// assistant will embed it (#7), and the chunker on a long Markdown document (no target; for
/// comparing runs). One invocation per iteration, so the percentiles are of single calls.
/// </summary>
public class EmbeddingMicroBenchmarks
{
    public const int SampleSections = 24;

    private static readonly string[] Questions =
    [
        "How do we approve timesheets and by when?",
        "Which colours are in the Northwind brand palette?",
        "What went wrong on campaigns that ran over budget last year?",
        "What is our process for vendor quotes over $25,000?",
    ];

    private readonly MarkdownChunker _chunker = new();
    private MiniLmEmbeddingGenerator _generator = null!;
    private string _document = "";
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _generator = new MiniLmEmbeddingGenerator();
        _document = SampleDocument(SampleSections);
    }

    [GlobalCleanup]
    public void Cleanup() => _generator.Dispose();

    [Benchmark(Description = "query embedding")]
    public float EmbedQuestion()
    {
        var question = Questions[_next++ % Questions.Length];
        return _generator.GenerateAsync([question]).GetAwaiter().GetResult()[0].Vector.Span[0];
    }

    [Benchmark(Description = "markdown chunker")]
    public int ChunkDocument() => _chunker.Chunk(_document).Count;

    /// <summary>A playbook-like document: headings, paragraphs, lists; about 90 words a section.</summary>
    public static string SampleDocument(int sections) => "# Campaign delivery playbook\n\n" + string.Join("\n\n", Enumerable.Range(1, sections).Select(i =>
        $"""
        ## Step {i}: planning the work

        The account director agrees the brief with the client and records the objective, the audience and the budget. The project manager turns the brief into phases, allocations and milestones, and checks the team's capacity for the next twelve weeks before anything is promised.

        - Confirm the approval chain in the kick-off meeting.
        - Review budget burn weekly against the schedule, not only at the alert thresholds.
        - Log time daily against the campaign and its current phase.

        Lessons from earlier campaigns are in the knowledge base; read the post-mortems of similar work before step {i + 1}.
        """));
}
