namespace AgencyWorkroom.Data.DemoData;

/// <summary>
/// A tenant the seeder makes: who it is and how big. <see cref="Volume"/> multiplies every size
/// (1 for the demo agencies, N for the scale tenant).
/// </summary>
public sealed record DemoTenantProfile(string Slug, string Name, double Volume)
{
    public const string ScaleSlug = "scale";

    public static DemoTenantProfile Northwind { get; } = new("northwind", "Northwind Creative", 1);

    public static DemoTenantProfile Bluebird { get; } = new("bluebird", "Bluebird Studio", 1);

    /// <summary>The two demo agencies, in the order they are seeded.</summary>
    public static IReadOnlyList<DemoTenantProfile> DemoAgencies { get; } = [Northwind, Bluebird];

    /// <summary>The benchmark tenant: <paramref name="volume"/> times a demo agency.</summary>
    public static DemoTenantProfile Scale(double volume) =>
        volume > 0 ? new(ScaleSlug, "Scale Test Agency", volume) : throw new ArgumentOutOfRangeException(nameof(volume));

    /// <summary>The scale tenant borrows the demo agencies' embedded passages instead of embedding its own.</summary>
    public bool ReusesEmbeddings => Slug == ScaleSlug;

    public Guid TenantId => DemoIds.TenantId(Slug);

    /// <summary>A base count at this tenant's volume; never below one.</summary>
    public int Scaled(int baseCount) => Math.Max(1, (int)Math.Round(baseCount * Volume));
}
