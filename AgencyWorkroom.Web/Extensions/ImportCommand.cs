using System.Globalization;
using AgencyWorkroom.Data;
using AgencyWorkroom.Data.DemoData;
using AgencyWorkroom.Data.Features.Import;
using AgencyWorkroom.Data.Schema;
using AgencyWorkroom.Data.Session;

namespace AgencyWorkroom.Web.Extensions;

/// <summary>
/// <c>AgencyWorkroom.Web import timesheets FILE --tenant SLUG [--dry-run] [--as EMAIL]</c>: the
/// admin import of <c>/admin/import</c> from a terminal. It runs as an admin of the tenant (the
/// first active one, or the one named by <c>--as</c>) through the same unit of work and path as
/// the page, so the database's rules are the same; only finding the tenant and the admin by their
/// names uses the maintenance connection. <c>clients</c> and <c>people</c> take the workroom's
/// columns (see <see cref="RosterCsv"/>); people get no sign-in account. Exit code 0 when imported (or the dry run found nothing
/// to reject), 1 when rows were rejected or it failed, 2 for a wrong command line.
/// </summary>
public static class ImportCommand
{
    private const string Usage = "usage: import clients|people|timesheets FILE --tenant SLUG [--dry-run] [--as EMAIL]";

    /// <summary>Set by ./workroom to the directory it was called from, so a relative FILE means what the caller meant.</summary>
    public const string CallerDirectoryVariable = "WORKROOM_CALLER_DIR";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        Arguments parsed;
        try
        {
            parsed = Parse(args);
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync($"import: {ex.Message}");
            return 2;
        }

        try
        {
            var configuration = WebApplication.CreateBuilder([]).Configuration;
            var (tenantId, adminId, adminEmail) = await FindAdminAsync(
                configuration.GetRequiredConnectionString(DemoSeeder.ConnectionStringName), parsed.Tenant, parsed.As);

            var services = new ServiceCollection().AddLogging().AddWorkroomData(configuration);
            services.AddSingleton<ISessionContextSource>(new FixedSession(new SessionContext(tenantId, adminId)));
            await using var provider = services.BuildServiceProvider();
            await using var scope = provider.CreateAsyncScope();
            var import = scope.ServiceProvider.GetRequiredService<IImportCommands>();

            await output.WriteLineAsync($"{(parsed.DryRun ? "dry run of" : "importing")} {parsed.File} into {parsed.Tenant} as {adminEmail}");
            await using var file = File.OpenRead(parsed.File);
            var summary = parsed.Kind switch
            {
                "clients" => await import.ImportClientsAsync(file, parsed.File, new ImportOptions(parsed.DryRun)),
                "people" => await import.ImportPeopleAsync(file, parsed.File, new ImportOptions(parsed.DryRun)),
                _ => await import.ImportTimesheetsAsync(file, parsed.File, new TimesheetImportOptions(parsed.DryRun)),
            };
            await WriteAsync(output, summary);
            return summary.Rejections.Count == 0 ? 0 : 1;
        }
        catch (Exception ex)
        {
            // A person reads this: the message and its causes, not a stack trace.
            await error.WriteLineAsync($"import: {ErrorText.Of(ex)}");
            return 1;
        }
    }

    /// <summary>The summary, then every rejected row with its line.</summary>
    public static async Task WriteAsync(TextWriter output, ImportSummary summary)
    {
        string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
        var what = summary.Kind == ImportKind.Clients ? "clients (with their brands)" : "people";
        await output.WriteLineAsync(summary.Kind == ImportKind.Timesheets
            ? $"{summary.FileName}: {summary.Format} format, {N(summary.RowsRead)} rows read"
            : $"{summary.FileName}: {N(summary.RowsRead)} rows of {summary.Kind.ToString().ToLowerInvariant()} read");
        if (summary.Rejections.Count > 0)
        {
            await output.WriteLineAsync($"{N(summary.Rejections.Count)} rows rejected; nothing was imported:");
            foreach (var rejection in summary.Rejections)
            {
                await output.WriteLineAsync($"  line {rejection.Line}: {rejection.Reason}");
            }

            return;
        }

        await output.WriteLineAsync(summary.DryRun
            ? summary.Kind == ImportKind.Timesheets
                ? $"dry run: {N(summary.RowsAdded)} entries would be added, {N(summary.RowsUnchanged)} are imported already; nothing was written"
                : $"dry run: {N(summary.RowsAdded)} rows of {what} would be added, {N(summary.RowsUnchanged)} are there already; nothing was written"
            : summary.Kind == ImportKind.Timesheets
                ? $"imported: {N(summary.RowsAdded)} entries added (approved, locked, marked imported), {N(summary.RowsUnchanged)} were imported already"
                : $"imported: {N(summary.RowsAdded)} rows of {what} added, {N(summary.RowsUnchanged)} were there already (batch {summary.BatchId})");
    }

    private static async Task<(Guid Tenant, Guid Admin, string Email)> FindAdminAsync(string maintenanceConnectionString, string slug, string? email)
    {
        await using var maintenance = DataServiceExtensions.CreateDataSource(maintenanceConnectionString);
        await using var command = maintenance.CreateCommand(
            """
            select t.id, e.id, e.email, exists (select from agency.tenants x where x.slug = @slug) as tenant_known
            from agency.tenants t
            join agency.employees e on e.tenant_id = t.id
            where t.slug = @slug and e.agency_role = 'admin' and e.active and e.deleted_at is null
              and (@email = '' or lower(e.email) = lower(@email))
            order by e.created_at, e.id
            limit 1
            """);
        command.Parameters.AddWithValue("slug", slug);
        command.Parameters.AddWithValue("email", email ?? "");
        await using var reader = await command.ExecuteReaderAsync();
        if (await reader.ReadAsync())
        {
            return (reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2));
        }

        throw new InvalidOperationException(email is null
            ? $"no tenant '{slug}' with an active admin"
            : $"no active admin {email} in tenant '{slug}'");
    }

    private static Arguments Parse(string[] args)
    {
        if (args.Length < 2 || args[0] is not ("clients" or "people" or "timesheets"))
        {
            throw new ArgumentException(Usage);
        }

        string? tenant = null, asEmail = null;
        var dryRun = false;
        for (var i = 2; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--tenant" when i + 1 < args.Length:
                    tenant = args[++i];
                    break;
                case "--as" when i + 1 < args.Length:
                    asEmail = args[++i];
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}' ({Usage})");
            }
        }

        if (string.IsNullOrWhiteSpace(tenant))
        {
            throw new ArgumentException($"--tenant SLUG is required ({Usage})");
        }

        var file = args[1];
        var caller = Environment.GetEnvironmentVariable(CallerDirectoryVariable);
        if (!Path.IsPathRooted(file) && !string.IsNullOrEmpty(caller))
        {
            file = Path.Combine(caller, file);
        }

        return File.Exists(file) ? new Arguments(args[0], file, tenant, dryRun, asEmail) : throw new ArgumentException($"no file {args[1]}");
    }

    private sealed record Arguments(string Kind, string File, string Tenant, bool DryRun, string? As);

    private sealed class FixedSession(SessionContext context) : ISessionContextSource
    {
        public Task<SessionContext?> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult<SessionContext?>(context);
    }
}
