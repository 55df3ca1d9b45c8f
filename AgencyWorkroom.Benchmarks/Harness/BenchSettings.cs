using System.Globalization;

namespace AgencyWorkroom.Benchmarks.Harness;

/// <summary>The command line: <c>[--scale N] [--only NAME[,NAME...]] [--iterations N]</c>.</summary>
public sealed record BenchSettings
{
    public const string Usage = "usage: AgencyWorkroom.Benchmarks [--scale N] [--only NAME[,NAME...]] [--iterations N]";

    /// <summary>The scale the caller loaded (./workroom bench --scale N); the targets are set for 20.</summary>
    public int Scale { get; init; } = 20;

    /// <summary>Benchmark numbers or names to run (a prefix is enough); empty runs them all.</summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    /// <summary>Timed repetitions of each database or page benchmark, after <see cref="Warmup"/> untimed ones.</summary>
    public int Iterations { get; init; } = 30;

    public int Warmup { get; init; } = 3;

    /// <summary>A series stops early once it has run this long and has <see cref="MinSamples"/>, so slow queries cannot eat the run.</summary>
    public TimeSpan SeriesBudget { get; init; } = TimeSpan.FromSeconds(20);

    public int MinSamples { get; init; } = 5;

    /// <summary>Where the JSON results and query plans go (git-ignored).</summary>
    public string OutputFolder { get; init; } = Path.Combine(".data", "bench");

    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value ({Usage})");
            settings = args[i] switch
            {
                "--scale" => settings with { Scale = PositiveNumber("--scale", Value()) },
                "--iterations" => settings with { Iterations = PositiveNumber("--iterations", Value()) },
                "--only" => settings with { Only = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] },
                "--output" => settings with { OutputFolder = Value() },
                _ => throw new ArgumentException($"unknown argument '{args[i]}' ({Usage})"),
            };
        }

        return settings;
    }

    /// <summary>Whether a benchmark with this number and name is selected by <c>--only</c>.</summary>
    public bool Selects(int number, string name) =>
        Only.Count == 0 || Only.Any(o => o == number.ToString(CultureInfo.InvariantCulture)
                                          || name.StartsWith(o, StringComparison.OrdinalIgnoreCase));

    private static int PositiveNumber(string option, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{option} needs a whole number above 0 ({Usage})");
}
