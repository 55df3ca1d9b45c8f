using System.Globalization;
using AgencyWorkroom.Data;
using AgencyWorkroom.Data.DemoData;
using AgencyWorkroom.Data.Knowledge;
using AgencyWorkroom.Data.Schema;

namespace AgencyWorkroom.Web.Extensions;

/// <summary>
/// <c>AgencyWorkroom.Web seed [--scale N] [--if-missing]</c>: (re)loads the two demo agencies
/// as the maintenance role, plus a scale tenant N times their size with <c>--scale</c>;
/// <c>--if-missing</c> does nothing when the demo data is already there.
/// </summary>
public static class SeedCommand
{
    private const string Usage = "usage: seed [--scale N] [--if-missing]";
    private const int MaxScale = 100;

    /// <returns>The process exit code: 0 when seeded (or nothing was missing), 1 on any error.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            var (scale, ifMissing) = Parse(args);
            // The app's configuration sources (appsettings, environment) without its services; the
            // command line is ours, so it is not passed on.
            var configuration = WebApplication.CreateBuilder([]).Configuration;
            var connectionString = configuration.GetRequiredConnectionString(DemoSeeder.ConnectionStringName);
            await using var maintenance = DataServiceExtensions.CreateDataSource(connectionString);

            if (ifMissing && await DemoSeeder.IsSeededAsync(maintenance))
            {
                await output.WriteLineAsync($"demo data already loaded ({DemoTenantProfile.Northwind.Slug}); ./workroom seed reloads it");
                return 0;
            }

            IReadOnlyList<DemoTenantProfile> tenants = scale is { } n
                ? [.. DemoTenantProfile.DemoAgencies, DemoTenantProfile.Scale(n)]
                : DemoTenantProfile.DemoAgencies;
            await output.WriteLineAsync($"seeding {string.Join(", ", tenants.Select(t => $"{t.Slug} ({t.Name})"))}");

            using var embeddings = new MiniLmEmbeddingGenerator();
            var progress = new ProgressLine(output, live: ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected);
            var result = await new DemoSeeder(maintenance, embeddings, TimeProvider.System).SeedAsync(tenants, progress);
            progress.Clear();

            foreach (var tenant in result.Tenants)
            {
                await output.WriteLineAsync(Describe(tenant));
                await output.WriteLineAsync($"  knowledge: {tenant.KnowledgeNote}");
                await output.WriteLineAsync($"  demo people: {string.Join(", ", tenant.DemoPeople.Select(p => p.Email))}");
            }

            await output.WriteLineAsync($"seeded {result.Tenants.Count} tenants in {Seconds(result.Elapsed)}");
            return 0;
        }
        catch (Exception ex)
        {
            // A person reads this: the message and its causes, not a stack trace.
            await error.WriteLineAsync($"seed: {ErrorText.Of(ex)}");
            return 1;
        }
    }

    private static (int? Scale, bool IfMissing) Parse(string[] args)
    {
        int? scale = null;
        var ifMissing = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--if-missing":
                    ifMissing = true;
                    break;
                case "--scale" when i + 1 < args.Length
                                    && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                                    && n is >= 1 and <= MaxScale:
                    scale = n;
                    i++;
                    break;
                case "--scale":
                    throw new ArgumentException($"--scale needs a whole number from 1 to {MaxScale} ({Usage})");
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}' ({Usage})");
            }
        }

        return (scale, ifMissing);
    }

    private static string Describe(DemoTenantSummary tenant)
    {
        string Count(string table) => tenant.RowsIn(table).ToString("N0", CultureInfo.InvariantCulture);
        return $"{tenant.Slug} ({tenant.Name}) in {Seconds(tenant.Elapsed)}: {Count("agency.employees")} employees, " +
            $"{Count("agency.clients")} clients, {Count("agency.brands")} brands, {Count("agency.campaigns")} campaigns, " +
            $"{Count("agency.campaign_team")} team places, {Count("agency.timesheet_entries")} timesheet entries, " +
            $"{Count("agency.team_allocations")} allocations, {Count("agency.artifacts")} artifacts " +
            $"({Count("agency.artifact_versions")} versions, {Count("agency.artifact_comments")} comments), " +
            $"{Count("agency.rate_cards")} rate cards, {Count("agency.employee_rates")} personal rates, " +
            $"{Count("procure.project_quotes")} quotes, {Count("te.expense_lines")} expense lines, {Count("gear.checkouts")} equipment checkouts, " +
            $"{Count("agency.knowledge_documents")} knowledge documents ({Count("agency.knowledge_chunks")} passages)";
    }

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture);

    /// <summary>One terminal line, redrawn in place, showing the current tenant and stage.</summary>
    private sealed class ProgressLine(TextWriter output, bool live) : IProgress<DemoSeedProgress>
    {
        private const int BarWidth = 24;
        private string _last = "";

        public void Report(DemoSeedProgress value)
        {
            if (!live)
            {
                return;
            }

            var share = value.Total == 0 ? 1 : (double)value.Done / value.Total;
            var filled = (int)Math.Round(share * BarWidth);
            var percent = (share * 100).ToString("0", CultureInfo.InvariantCulture);
            var line = $"{value.Tenant,-10} {value.Stage,-28} [{new string('#', filled)}{new string('-', BarWidth - filled)}] {percent,3}%";
            if (line != _last)
            {
                output.Write($"\r{line}");
                _last = line;
            }
        }

        public void Clear()
        {
            if (live && _last.Length > 0)
            {
                output.Write($"\r{new string(' ', _last.Length)}\r");
            }
        }
    }
}
