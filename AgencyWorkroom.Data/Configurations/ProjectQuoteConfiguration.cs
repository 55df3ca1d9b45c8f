using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class ProjectQuoteConfiguration : IEntityTypeConfiguration<ProjectQuote>
{
    public void Configure(EntityTypeBuilder<ProjectQuote> builder)
    {
        builder.MapTenantTable("procure", "project_quotes");
        builder.Property(q => q.Currency).IsCurrencyCode();
    }
}
