using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class CampaignTeamMemberConfiguration : IEntityTypeConfiguration<CampaignTeamMember>
{
    public void Configure(EntityTypeBuilder<CampaignTeamMember> builder) => builder.MapAgencyTable("campaign_team");
}
