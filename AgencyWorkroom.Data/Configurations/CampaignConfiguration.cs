using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.MapAgencyTable("campaigns").HasRowVersion();
        builder.Property(c => c.Currency).IsCurrencyCode();
        // generated always as ((end_date - start_date + 7) / 7) stored
        builder.Property(c => c.DurationWeeks).ValueGeneratedOnAddOrUpdate();

        // Every relationship carries the tenant, as the database's foreign keys do. The brand's
        // key there is (tenant_id, client_id, brand_id), which also holds the brand to the client.
        builder.HasOne(c => c.Client).WithMany()
            .HasForeignKey(c => new { c.TenantId, c.ClientId })
            .OnDelete(DeleteBehavior.NoAction);
        builder.HasOne(c => c.Brand).WithMany()
            .HasForeignKey(c => new { c.TenantId, c.BrandId })
            .IsRequired(false)
            .OnDelete(DeleteBehavior.NoAction);
        builder.HasMany(c => c.Phases).WithOne()
            .HasForeignKey(p => new { p.TenantId, p.CampaignId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
