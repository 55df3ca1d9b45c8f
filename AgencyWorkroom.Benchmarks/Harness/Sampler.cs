using System.Diagnostics;

namespace AgencyWorkroom.Benchmarks.Harness;

/// <summary>
/// Runs an operation a few times untimed, then a fixed number of times timed with a
/// <see cref="Stopwatch"/>, stopping early once the series has used its time budget (with at
/// least the minimum number of samples). The operation gets the iteration's number, so it can
/// vary its input.
/// </summary>
public sealed class Sampler(BenchSettings settings)
{
    /// <param name="before">Untimed work before each run of the operation (say, undoing the last one).</param>
    public async Task<List<double>> TimeAsync(Func<int, Task> operation, int? iterations = null, Func<int, Task>? before = null)
    {
        var (samples, _) = await CompareAsync(operation, null, iterations, before);
        return samples;
    }

    /// <summary>
    /// Times a measured operation and its baseline, alternating them iteration by iteration so
    /// that whatever else the machine is doing weighs on both alike.
    /// </summary>
    public async Task<(List<double> Measured, List<double> Baseline)> CompareAsync(
        Func<int, Task> measured, Func<int, Task>? baseline, int? iterations = null, Func<int, Task>? before = null)
    {
        before ??= _ => Task.CompletedTask;
        var count = iterations ?? settings.Iterations;
        var warmup = Stopwatch.StartNew();
        for (var i = 0; i < settings.Warmup && warmup.Elapsed < settings.SeriesBudget / 4; i++)
        {
            await before(-1 - i);
            await measured(-1 - i);
            if (baseline is not null)
            {
                await baseline(-1 - i);
            }
        }

        List<double> a = [], b = [];
        var series = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await before(i);
            a.Add(await TimeOnceAsync(measured, i));
            if (baseline is not null)
            {
                b.Add(await TimeOnceAsync(baseline, i));
            }

            if (series.Elapsed > settings.SeriesBudget && a.Count >= settings.MinSamples)
            {
                break;
            }
        }

        return (a, b);
    }

    private static async Task<double> TimeOnceAsync(Func<int, Task> operation, int iteration)
    {
        var watch = Stopwatch.StartNew();
        await operation(iteration);
        return watch.Elapsed.TotalMilliseconds;
    }
}
