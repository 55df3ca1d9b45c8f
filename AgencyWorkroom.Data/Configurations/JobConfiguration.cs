using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.MapAgencyTable("jobs");
        builder.Property(j => j.Payload).HasColumnType("jsonb");
        builder.Property(j => j.Status).ValueGeneratedOnAdd();
        builder.Property(j => j.RunAfter).ValueGeneratedOnAdd();
    }
}
