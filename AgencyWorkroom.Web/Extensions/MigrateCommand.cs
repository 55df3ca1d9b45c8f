using AgencyWorkroom.Data;
using AgencyWorkroom.Data.Schema;

namespace AgencyWorkroom.Web.Extensions;

/// <summary><c>AgencyWorkroom.Web migrate</c>: applies the schema as the owner role, then exits.</summary>
public static class MigrateCommand
{
    /// <returns>The process exit code: 0 when the schema is current, 1 on any error.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            // The app's own configuration sources (appsettings, environment, command line), without its services.
            var configuration = WebApplication.CreateBuilder(args).Configuration;
            var connectionString = configuration.GetRequiredConnectionString(DataServiceExtensions.OwnerConnectionStringName);

            await using var owner = DataServiceExtensions.CreateDataSource(connectionString);
            var report = await new SchemaMigrator().MigrateAsync(owner);

            foreach (var script in report.Applied)
            {
                await output.WriteLineAsync($"applied {script.FileName}");
            }

            await output.WriteLineAsync(report.Level is { } level
                ? $"migration level: {level:D3} ({report.LevelName}); {report.Applied.Count} applied now, {report.AlreadyApplied} before"
                : "migration level: none (no migrations)");
            return 0;
        }
        catch (Exception ex)
        {
            // A person reads this: the message and its causes, not a stack trace.
            await error.WriteLineAsync($"migrate: {ErrorText.Of(ex)}");
            return 1;
        }
    }
}
