using AgencyWorkroom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgencyWorkroom.Data.Configurations;

public sealed class KnowledgeChunkConfiguration : IEntityTypeConfiguration<KnowledgeChunk>
{
    public void Configure(EntityTypeBuilder<KnowledgeChunk> builder)
    {
        builder.MapAgencyTable("knowledge_chunks");
        builder.Property(c => c.Embedding).HasColumnType("vector(384)");
        builder.Property(c => c.SearchVector).ValueGeneratedOnAddOrUpdate();
        builder.Property(c => c.ContentHash).ValueGeneratedOnAddOrUpdate();
    }
}
