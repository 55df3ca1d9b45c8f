using System.Diagnostics;
using Microsoft.Extensions.AI;
using Npgsql;

namespace AgencyWorkroom.Data.DemoData;

/// <summary>
/// Seeds demo tenants: generates each one, embeds its knowledge and loads it, one tenant after
/// another, each in its own transaction. Re-running replaces those tenants and nothing else.
/// </summary>
/// <param name="maintenance">A data source for the maintenance role (BYPASSRLS), from
/// <see cref="ConnectionStringName"/>; binary COPY is refused where row-level security applies.</param>
public sealed class DemoSeeder(
    NpgsqlDataSource maintenance, IEmbeddingGenerator<string, Embedding<float>> embeddings, TimeProvider clock)
{
    /// <summary>The maintenance role's connection, for bulk loads only; the web app never uses it.</summary>
    public const string ConnectionStringName = "WorkroomMaintenance";

    /// <summary>Whether the first demo agency is there (what <c>seed --if-missing</c> asks).</summary>
    public static async Task<bool> IsSeededAsync(NpgsqlDataSource maintenance, CancellationToken cancellationToken = default)
    {
        await using var command = maintenance.CreateCommand("select exists (select 1 from agency.tenants where slug = @slug)");
        command.Parameters.AddWithValue("slug", DemoTenantProfile.Northwind.Slug);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<DemoSeedResult> SeedAsync(
        IReadOnlyList<DemoTenantProfile> tenants, IProgress<DemoSeedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var run = Stopwatch.StartNew();
        var calendar = DemoCalendar.At(clock.GetUtcNow());
        var indexer = new KnowledgeIndexer(embeddings, progress);
        var loader = new DemoDataLoader(maintenance, progress);
        var summaries = new List<DemoTenantSummary>();

        foreach (var profile in tenants)
        {
            var watch = Stopwatch.StartNew();
            progress?.Report(new DemoSeedProgress(profile.Slug, "generating", 0, 1));
            var data = DemoDataGenerator.Generate(profile, calendar);
            progress?.Report(new DemoSeedProgress(profile.Slug, "generating", 1, 1));

            var knowledge = profile.ReusesEmbeddings
                ? await indexer.BorrowAsync(data, maintenance, cancellationToken)
                : await indexer.EmbedAsync(data, maintenance, cancellationToken);
            var rows = await loader.LoadAsync(data, cancellationToken);
            summaries.Add(new DemoTenantSummary(data.TenantId, profile.Slug, profile.Name, rows, data.DemoPeople, knowledge, watch.Elapsed));
        }

        return new DemoSeedResult(summaries, run.Elapsed);
    }
}
