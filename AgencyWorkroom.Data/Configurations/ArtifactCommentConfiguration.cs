using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class ArtifactCommentConfiguration : IEntityTypeConfiguration<ArtifactComment>
{
    public void Configure(EntityTypeBuilder<ArtifactComment> builder)
    {
        builder.MapAgencyTable("artifact_comments");
        builder.Property(c => c.AuthorId).DefaultsToCurrentUser();
    }
}
