using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class ArtifactConfiguration : IEntityTypeConfiguration<Artifact>
{
    public void Configure(EntityTypeBuilder<Artifact> builder)
    {
        builder.MapAgencyTable("artifacts");
        builder.Property(a => a.OwnerId).DefaultsToCurrentUser();
        // Generated always (content_preview, search_vector) or kept by create_artifact_version.
        builder.Property(a => a.ContentPreview).ValueGeneratedOnAddOrUpdate();
        builder.Property(a => a.SearchVector).ValueGeneratedOnAddOrUpdate();
        builder.Property(a => a.CurrentVersion).HasDefaultValue(1).ValueGeneratedOnAddOrUpdate();
    }
}
