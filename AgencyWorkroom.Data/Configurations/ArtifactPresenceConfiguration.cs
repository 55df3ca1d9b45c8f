using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

// No created_by or updated_by: a mark is its person's (employee_id) and nothing else.
public sealed class ArtifactPresenceConfiguration : IEntityTypeConfiguration<ArtifactPresence>
{
    public void Configure(EntityTypeBuilder<ArtifactPresence> builder)
    {
        builder.MapTenantTable(TenantEntityMapping.AgencySchema, "artifact_presence");
        builder.Property(p => p.EmployeeId).DefaultsToCurrentUser();
        builder.Property(p => p.SeenAt).HasDefaultValueSql("now()");
    }
}
