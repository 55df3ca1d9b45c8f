using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class PlaceholderAllocationConfiguration : IEntityTypeConfiguration<PlaceholderAllocation>
{
    public void Configure(EntityTypeBuilder<PlaceholderAllocation> builder) => builder.MapAgencyTable("placeholder_allocations");
}
