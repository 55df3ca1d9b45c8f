using AgencyWorkroom.Data.Configurations;
using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Views;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data;

/// <summary>
/// Maps the tables and views that the <c>Schema/*.sql</c> scripts create; it never creates any itself.
/// Made per unit of work by <see cref="IDbContextFactory{TContext}"/>: a circuit outlives any one context.
/// Column names come from the snake_case naming convention, which the options must turn on
/// (<c>UseSnakeCaseNamingConvention()</c>, as <see cref="DataServiceExtensions.AddWorkroomData"/> does).
/// </summary>
public sealed class WorkroomDbContext(DbContextOptions<WorkroomDbContext> options) : DbContext(options)
{
    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<Employee> Employees => Set<Employee>();

    public DbSet<Client> Clients => Set<Client>();

    public DbSet<Brand> Brands => Set<Brand>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<CampaignPhase> CampaignPhases => Set<CampaignPhase>();

    public DbSet<CampaignTeamMember> CampaignTeam => Set<CampaignTeamMember>();

    public DbSet<Artifact> Artifacts => Set<Artifact>();

    public DbSet<ArtifactVersion> ArtifactVersions => Set<ArtifactVersion>();

    public DbSet<ArtifactComment> ArtifactComments => Set<ArtifactComment>();

    public DbSet<TimesheetEntry> TimesheetEntries => Set<TimesheetEntry>();

    public DbSet<TeamAllocation> TeamAllocations => Set<TeamAllocation>();

    public DbSet<RateCard> RateCards => Set<RateCard>();

    public DbSet<EmployeeRate> EmployeeRates => Set<EmployeeRate>();

    public DbSet<KnowledgeDocument> KnowledgeDocuments => Set<KnowledgeDocument>();

    public DbSet<KnowledgeChunk> KnowledgeChunks => Set<KnowledgeChunk>();

    public DbSet<AiConversation> AiConversations => Set<AiConversation>();

    public DbSet<AiMessage> AiMessages => Set<AiMessage>();

    public DbSet<ProjectQuote> ProjectQuotes => Set<ProjectQuote>();

    public DbSet<PpmProject> PpmProjects => Set<PpmProject>();

    public DbSet<ExpenseLine> ExpenseLines => Set<ExpenseLine>();

    public DbSet<EquipmentCheckout> EquipmentCheckouts => Set<EquipmentCheckout>();

    public DbSet<DashboardKpisRow> DashboardKpis => Set<DashboardKpisRow>();

    public DbSet<CampaignOverviewRow> CampaignOverview => Set<CampaignOverviewRow>();

    public DbSet<Client360Row> Client360 => Set<Client360Row>();

    public DbSet<EmployeeUtilizationRow> EmployeeUtilization => Set<EmployeeUtilizationRow>();

    public DbSet<ArtifactLibraryRow> ArtifactLibrary => Set<ArtifactLibraryRow>();

    public DbSet<TimesheetSummaryByCampaignRow> TimesheetSummaryByCampaign => Set<TimesheetSummaryByCampaignRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        // Only this context's configurations: the Identity context lives in the same assembly.
        modelBuilder.ApplyConfigurationsFromAssembly(
            typeof(WorkroomDbContext).Assembly,
            type => type.Namespace == typeof(TenantConfiguration).Namespace);
}
