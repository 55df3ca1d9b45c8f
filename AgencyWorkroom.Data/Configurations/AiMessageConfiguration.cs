using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class AiMessageConfiguration : IEntityTypeConfiguration<AiMessage>
{
    public void Configure(EntityTypeBuilder<AiMessage> builder)
    {
        builder.MapAgencyTable("ai_messages");
        builder.Property(m => m.Citations).HasColumnType("jsonb");
        builder.Property(m => m.Figures).HasColumnType("jsonb");
    }
}
