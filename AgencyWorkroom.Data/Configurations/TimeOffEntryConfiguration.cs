using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class TimeOffEntryConfiguration : IEntityTypeConfiguration<TimeOffEntry>
{
    public void Configure(EntityTypeBuilder<TimeOffEntry> builder)
    {
        builder.MapAgencyTable("time_off_entries");
        builder.Property(t => t.EmployeeId).DefaultsToCurrentUser();
        builder.Property(t => t.WeekStartDate).ValueGeneratedOnAddOrUpdate();
    }
}
