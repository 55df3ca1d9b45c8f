using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Bogus;

namespace AgencyWorkroom.Data.DemoData;

/// <summary>
/// One seeded Faker per tenant and stage. Each stage draws from its own sequence, so changing
/// how one stage uses randomness leaves the others' data as it was. (string.GetHashCode differs
/// between processes, hence the hash.)
/// </summary>
public static class DemoRandom
{
    public static Faker For(string tenantSlug, string stage)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantSlug}/{stage}"));
        return new Faker("en") { Random = new Randomizer(BinaryPrimitives.ReadInt32LittleEndian(hash)) };
    }

    /// <summary>A uniformly drawn number in [min, max).</summary>
    public static double Between(this Randomizer random, double min, double max) => min + random.Double() * (max - min);

    /// <summary>
    /// One item, drawn in proportion to its weight. (Bogus's WeightedRandom wants weights that
    /// already sum to one; these need not.)
    /// </summary>
    public static T Weighted<T>(this Randomizer random, IReadOnlyList<T> items, Func<T, double> weight)
    {
        var draw = random.Double() * items.Sum(weight);
        foreach (var item in items)
        {
            draw -= weight(item);
            if (draw < 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    /// <summary>Hours rounded to the quarter hour that timesheets use.</summary>
    public static decimal QuarterHours(double hours) => Math.Round((decimal)hours * 4, MidpointRounding.AwayFromZero) / 4;
}
