using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class CampaignPhaseConfiguration : IEntityTypeConfiguration<CampaignPhase>
{
    public void Configure(EntityTypeBuilder<CampaignPhase> builder) => builder.MapAgencyTable("campaign_phases").HasRowVersion();
}
