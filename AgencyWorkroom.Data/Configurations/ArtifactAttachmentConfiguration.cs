using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class ArtifactAttachmentConfiguration : IEntityTypeConfiguration<ArtifactAttachment>
{
    public void Configure(EntityTypeBuilder<ArtifactAttachment> builder)
    {
        builder.MapTenantTable(TenantEntityMapping.AgencySchema, "artifact_attachments");
        builder.Property(a => a.CreatedBy).HasDefaultValueSql(TenantEntityMapping.CurrentUserIdSql);
        builder.Property(a => a.ByteSize).ValueGeneratedOnAddOrUpdate();
    }
}
