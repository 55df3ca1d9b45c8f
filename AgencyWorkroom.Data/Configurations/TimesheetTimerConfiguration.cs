using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class TimesheetTimerConfiguration : IEntityTypeConfiguration<TimesheetTimer>
{
    public void Configure(EntityTypeBuilder<TimesheetTimer> builder)
    {
        builder.MapAgencyTable("timesheet_timers");
        builder.Property(t => t.EmployeeId).DefaultsToCurrentUser();
        builder.Property(t => t.StartedAt).HasDefaultValueSql("now()");
    }
}
