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
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        // Only this context's configurations: the Identity context lives in the same assembly.
        modelBuilder.ApplyConfigurationsFromAssembly(
            typeof(WorkroomDbContext).Assembly,
            type => type.Namespace == typeof(TenantConfiguration).Namespace);
}
