using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data;

/// <summary>
/// Maps the tables and views that the <c>Schema/*.sql</c> scripts create; it never creates any itself.
/// Made per unit of work by <see cref="IDbContextFactory{TContext}"/>: a circuit outlives any one context.
/// </summary>
public sealed class WorkroomDbContext(DbContextOptions<WorkroomDbContext> options) : DbContext(options);
