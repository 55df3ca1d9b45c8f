using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class PpmProjectConfiguration : IEntityTypeConfiguration<PpmProject>
{
    public void Configure(EntityTypeBuilder<PpmProject> builder)
    {
        builder.MapTenantTable("finance_ppm", "projects");
        builder.Property(p => p.Currency).IsCurrencyCode();
    }
}
