using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class CampaignRateOverrideConfiguration : IEntityTypeConfiguration<CampaignRateOverride>
{
    public void Configure(EntityTypeBuilder<CampaignRateOverride> builder)
    {
        builder.MapAgencyTable("campaign_rate_overrides");
        builder.Property(r => r.Currency).IsCurrencyCode();
    }
}
