using AgencyWorkroom.Data.Views;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class CampaignOverviewRowConfiguration : IEntityTypeConfiguration<CampaignOverviewRow>
{
    public void Configure(EntityTypeBuilder<CampaignOverviewRow> builder) => builder.HasNoKey().ToView("v_campaign_overview", TenantEntityMapping.AgencySchema);
}
