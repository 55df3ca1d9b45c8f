using AgencyWorkroom.Data.Features.Analytics;
using AgencyWorkroom.Data.Features.Artifacts;
using AgencyWorkroom.Data.Features.Assistant;
using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Features.Capacity;
using AgencyWorkroom.Data.Features.Clients;
using AgencyWorkroom.Data.Features.Dashboard;
using AgencyWorkroom.Data.Features.Import;
using AgencyWorkroom.Data.Features.Suite;
using AgencyWorkroom.Data.Features.Knowledge;
using AgencyWorkroom.Data.Features.Notifications;
using AgencyWorkroom.Data.Features.Timesheets;
using AgencyWorkroom.Data.Features.Search;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Data.Features.Rates;
using AgencyWorkroom.Data.Features.Settings;
using AgencyWorkroom.Data.Features.Status;
using AgencyWorkroom.Data.Identity;
using AgencyWorkroom.Data.Knowledge;
using AgencyWorkroom.Data.Schema;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AgencyWorkroom.Data;

public static class DataServiceExtensions
{
    /// <summary>The app's connection: a login role that owns nothing and cannot bypass row level security.</summary>
    public const string ConnectionStringName = "Workroom";

    /// <summary>Identity's connection: the one login role granted on schema identity (042), for sign-in and Data Protection.</summary>
    public const string IdentityConnectionStringName = "WorkroomIdentity";

    /// <summary>The schema owner's connection, for migrations only.</summary>
    public const string OwnerConnectionStringName = "WorkroomOwner";

    public static IServiceCollection AddWorkroomData(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetRequiredConnectionString(ConnectionStringName);
        RefuseConnectionsThatKeepState(connectionString);

        // One data source (one pool) serves ADO.NET and EF Core alike; sign-in data has a pool of its own.
        services.AddSingleton(provider => CreateDataSource(connectionString, provider.GetService<ILoggerFactory>()));
        // Read when first asked for: a host that never signs anyone in (a benchmark, a test) needs no such string.
        services.AddSingleton(provider =>
        {
            var identityConnectionString = configuration.GetRequiredConnectionString(IdentityConnectionStringName);
            RefuseConnectionsThatKeepState(identityConnectionString);
            return new IdentityDataSource(CreateDataSource(identityConnectionString, provider.GetService<ILoggerFactory>()));
        });
        services.AddDbContextFactory<WorkroomDbContext>((provider, options) =>
            options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>(), npgsql => npgsql.UseVector())
                .UseSnakeCaseNamingConvention());

        // Every read and write goes through a unit of work that sets the signed-in person's context.
        services.AddScoped<UnitOfWork>();
        services.AddSingleton<UnitOfWorkFactory>();
        // Background work runs as each tenant's system actor, never as a person.
        services.AddSingleton<SystemUnitOfWork>();
        services.AddSingleton<BudgetWatch>();
        services.AddHostedService(provider => provider.GetRequiredService<BudgetWatch>());
        services.AddSingleton<TimesheetReminders>();
        services.AddHostedService(provider => provider.GetRequiredService<TimesheetReminders>());
        services.AddScoped<IPeopleQueries, PeopleQueries>();
        services.AddScoped<IPeopleCommands, PeopleCommands>();
        services.AddScoped<IAccountStore, IdentityAccountStore>();
        services.AddScoped<ICampaignQueries, CampaignQueries>();
        services.AddScoped<ICampaignCommands, CampaignCommands>();
        services.AddScoped<IClientQueries, ClientQueries>();
        services.AddScoped<IClientCommands, ClientCommands>();
        services.AddScoped<IDashboardQueries, DashboardQueries>();
        services.AddSingleton(new SuiteOptions(SuiteOptions.Neighbours
            .Select(app => (app, url: configuration[$"Suite:Apps:{app}:Url"]))
            .Where(a => !string.IsNullOrWhiteSpace(a.url))
            .ToDictionary(a => a.app, a => a.url!)));
        services.AddScoped<ISuiteQueries, SuiteQueries>();
        services.AddScoped<ISuiteCommands, SuiteCommands>();
        services.AddScoped<ISearchQueries, SearchQueries>();
        services.AddScoped<IArtifactQueries, ArtifactQueries>();
        services.AddScoped<IArtifactCommands, ArtifactCommands>();
        services.AddScoped<IArtifactReviewQueries, ArtifactReviewQueries>();
        services.AddScoped<IArtifactReviewCommands, ArtifactReviewCommands>();
        // Images in artifacts (053, decision 029), served by the Web project's /attachments endpoint.
        services.AddScoped<IArtifactAttachmentQueries, ArtifactAttachmentQueries>();
        services.AddScoped<IArtifactAttachmentCommands, ArtifactAttachmentCommands>();
        services.AddScoped<INotificationFeed, NotificationFeed>();
        services.AddScoped<ITimesheetQueries, TimesheetQueries>();
        services.AddScoped<ITimesheetCommands, TimesheetCommands>();
        // Admins' imports of history (045, decision 025): one audited path into the database.
        services.AddScoped<IImportCommands, ImportCommands>();
        services.AddScoped<IRateQueries, RateQueries>();
        services.AddScoped<IRateCommands, RateCommands>();
        services.AddScoped<ICapacityQueries, CapacityQueries>();
        services.AddScoped<ICapacityCommands, CapacityCommands>();
        services.AddScoped<IAnalyticsQueries, AnalyticsQueries>();
        services.AddScoped<IForecastQueries, ForecastQueries>();
        services.AddScoped<SettingsService>();
        services.AddScoped<ISettingsQueries>(provider => provider.GetRequiredService<SettingsService>());
        services.AddScoped<ISettingsCommands>(provider => provider.GetRequiredService<SettingsService>());

        // The assistant: typed tools over the screens' services, run as the asker; intent by nearest example.
        services.AddSingleton<IntentClassifier>();
        services.AddHostedService<AssistantWarmUp>();
        services.AddScoped<AssistantTools>();
        services.AddScoped<IKnowledgeRetrieval, KnowledgeRetrieval>();
        services.AddScoped<IAssistantQueries, AssistantQueries>();
        services.AddScoped<AssistantCommands>();
        services.AddScoped<IAssistantCommands>(provider => provider.GetRequiredService<AssistantCommands>());
        // A chat model only when Assistant:Chat:Endpoint and Model are configured (an OpenAI-compatible
        // endpoint, or Kind=ollama); none is the default, and the assistant answers offline (decision 027).
        if (AssistantChatClients.FromConfiguration(configuration) is { } chat)
        {
            services.AddSingleton(chat);
        }

        // The local model by default: the app must answer and index with no network at all.
        // Knowledge:Embedder:Kind = openai | ollama (with Url and Model) uses a server instead.
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(_ => HttpEmbeddingGenerator.FromConfiguration(configuration));
        // One pipeline (chunk, hash, embed) for the ingestion service and the seed; documents and
        // artifacts are indexed by the queue, as each tenant's system actor (039, decision 021).
        services.AddSingleton<KnowledgePipeline>();
        services.AddSingleton<KnowledgeIngestion>();
        // Knowledge:Ingestion:Enabled=false leaves the queue to another process (a benchmark run, say).
        if (!string.Equals(configuration["Knowledge:Ingestion:Enabled"], "false", StringComparison.OrdinalIgnoreCase))
        {
            services.AddHostedService(provider => provider.GetRequiredService<KnowledgeIngestion>());
        }
        services.AddScoped<IKnowledgeQueries, KnowledgeQueries>();
        services.AddScoped<IKnowledgeCommands, KnowledgeCommands>();

        services.AddSingleton(_ => new SchemaMigrator());
        services.AddSingleton<IDatabaseStatus, DatabaseStatusService>();
        return services;
    }

    /// <summary>The named connection string; an empty one counts as missing.</summary>
    public static string GetRequiredConnectionString(this IConfiguration configuration, string name)
    {
        var connectionString = configuration.GetConnectionString(name);
        return string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException($"ConnectionStrings:{name} is not configured.")
            : connectionString;
    }

    /// <summary>
    /// Without Npgsql's reset on close, a pooled connection could hand session state (a
    /// session-level setting, a temp table) to the next person's work: the app will not start so.
    /// </summary>
    public static void RefuseConnectionsThatKeepState(string connectionString)
    {
        if (new NpgsqlConnectionStringBuilder(connectionString).NoResetOnClose)
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} sets No Reset On Close: pooled connections must be reset between people.");
        }
    }

    /// <summary>
    /// A data source that knows the pgvector <c>vector</c> type and prepares the statements it
    /// repeats (unless the connection string sets Max Auto Prepare itself): planning a screen's view under its
    /// policies costs more than running it (2-3 ms against 0.3 ms for a page of the artifact
    /// library at x20). Prepared statements survive the pool's reset; session state does not.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString, ILoggerFactory? loggerFactory = null)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // Npgsql's own builder knows every keyword; the plain one holds just those written.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!written.ContainsKey("Max Auto Prepare") && !written.ContainsKey("MaxAutoPrepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 128;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        builder.UseVector();
        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }

        return builder.Build();
    }
}
