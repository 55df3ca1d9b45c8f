using AgencyWorkroom.Data.Views;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class DashboardKpisRowConfiguration : IEntityTypeConfiguration<DashboardKpisRow>
{
    public void Configure(EntityTypeBuilder<DashboardKpisRow> builder) => builder.HasNoKey().ToView("v_dashboard_kpis", TenantEntityMapping.AgencySchema);
}
