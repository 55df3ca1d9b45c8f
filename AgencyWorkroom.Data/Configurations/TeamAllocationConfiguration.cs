using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class TeamAllocationConfiguration : IEntityTypeConfiguration<TeamAllocation>
{
    public void Configure(EntityTypeBuilder<TeamAllocation> builder)
    {
        builder.MapAgencyTable("team_allocations");
        // The capacity grid's edit names the version it read.
        builder.HasRowVersion();
    }
}
