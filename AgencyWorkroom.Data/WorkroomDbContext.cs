using AgencyWorkroom.Data.Configurations;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data;

/// <summary>
/// Maps the tables and views that the <c>Schema/*.sql</c> scripts create; it never creates any itself.
/// Entities and views are reached with <c>Set&lt;T&gt;()</c>, so the model lists each once, in
/// its configuration class. Made per unit of work by <see cref="IDbContextFactory{TContext}"/>: a circuit outlives any one context.
/// Column names come from the snake_case naming convention, which the options must turn on
/// (<c>UseSnakeCaseNamingConvention()</c>, as <see cref="DataServiceExtensions.AddWorkroomData"/> does).
/// </summary>
public sealed class WorkroomDbContext(DbContextOptions<WorkroomDbContext> options) : DbContext(options)
{
    /// <summary>agency.may_add_artifacts_to(campaign): the artifact_create policy's rule, for a query to ask
    /// in SQL. Only translated, never run in .NET.</summary>
    [DbFunction("may_add_artifacts_to", "agency")]
    public static bool MayAddArtifactsTo(Guid campaignId) => throw new InvalidOperationException("Translated to SQL only.");

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        // Only this context's configurations: the Identity context lives in the same assembly.
        modelBuilder.ApplyConfigurationsFromAssembly(
            typeof(WorkroomDbContext).Assembly,
            type => type.Namespace == typeof(TenantConfiguration).Namespace);
}
