using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class TimesheetImportRowConfiguration : IEntityTypeConfiguration<TimesheetImportRow>
{
    public void Configure(EntityTypeBuilder<TimesheetImportRow> builder) =>
        builder.MapTenantTable(TenantEntityMapping.AgencySchema, "timesheet_import_rows");
}
