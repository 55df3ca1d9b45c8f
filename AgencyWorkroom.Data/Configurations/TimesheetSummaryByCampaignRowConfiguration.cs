using AgencyWorkroom.Data.Views;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class TimesheetSummaryByCampaignRowConfiguration : IEntityTypeConfiguration<TimesheetSummaryByCampaignRow>
{
    public void Configure(EntityTypeBuilder<TimesheetSummaryByCampaignRow> builder) => builder.HasNoKey().ToView("v_timesheet_summary_by_campaign", TenantEntityMapping.AgencySchema);
}
