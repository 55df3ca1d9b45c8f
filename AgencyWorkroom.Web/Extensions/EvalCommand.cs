using System.Globalization;
using System.Text.Json;
using AgencyWorkroom.Data;
using AgencyWorkroom.Data.DemoData;
using AgencyWorkroom.Data.Features.Assistant.Evaluation;
using AgencyWorkroom.Data.Schema;

namespace AgencyWorkroom.Web.Extensions;

/// <summary>
/// <c>AgencyWorkroom.Web eval [--output DIR]</c>: runs the assistant's labelled set
/// (<c>Features/Assistant/Evaluation/eval-set.json</c>) against the configured database, which
/// must hold the demo tenants (<c>./workroom seed</c>). Questions are asked through the app's
/// role (row-level security applies); the maintenance role only looks up the demo names and
/// checks ids for leaks. Prints recall@5 and MRR (vector only and hybrid), live figures, refusals
/// and leaks, and writes the report as JSON to DIR/eval-TIME.json.
/// </summary>
public static class EvalCommand
{
    private const string Usage = "usage: eval [--output DIR]";

    /// <returns>0 when the set meets its bar, 2 when it runs but does not, 1 on any error.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            string? directory = null;
            for (var i = 0; i < args.Length; i++)
            {
                directory = args[i] switch
                {
                    "--output" when i + 1 < args.Length => args[++i],
                    _ => throw new ArgumentException($"unknown argument '{args[i]}' ({Usage})"),
                };
            }

            var configuration = WebApplication.CreateBuilder([]).Configuration;
            await using var maintenance = DataServiceExtensions.CreateDataSource(configuration.GetRequiredConnectionString(DemoSeeder.ConnectionStringName));
            await using var services = AssistantEvaluation.CreateServices(configuration);
            var set = EvaluationSet.Load();
            await output.WriteLineAsync($"evaluating {set.Questions.Count} labelled questions on the demo tenants");
            var report = await new AssistantEvaluation(services, maintenance).RunAsync(set);
            report.Print(output);

            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
                var path = Path.Combine(directory, $"eval-{report.RanAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.json");
                await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, EvaluationSet.Json));
                await output.WriteLineAsync($"wrote {path}");
            }

            return report.Passes ? 0 : 2;
        }
        catch (Exception ex)
        {
            await error.WriteLineAsync($"eval: {ErrorText.Of(ex)}");
            return 1;
        }
    }
}
