using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class StaffingPlaceholderConfiguration : IEntityTypeConfiguration<StaffingPlaceholder>
{
    public void Configure(EntityTypeBuilder<StaffingPlaceholder> builder) => builder.MapAgencyTable("staffing_placeholders");
}
