using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class TimesheetEntryConfiguration : IEntityTypeConfiguration<TimesheetEntry>
{
    public void Configure(EntityTypeBuilder<TimesheetEntry> builder)
    {
        builder.MapAgencyTable("timesheet_entries");
        // Two tabs on one cell: a save names the version it read (021, the week grid).
        builder.HasRowVersion();
        builder.Property(t => t.EmployeeId).DefaultsToCurrentUser();
        // The set_week_start trigger derives it from entry_date on every insert and update.
        builder.Property(t => t.WeekStartDate).ValueGeneratedOnAddOrUpdate();
    }
}
