using System.Security.Cryptography;
using System.Text;

namespace AgencyWorkroom.Data.DemoData;

/// <summary>
/// Name-based ids (RFC 9562 version 5) from the tenant slug, the kind of row and its index:
/// the same row gets the same id on every run, so a reseed keeps links from outside valid.
/// </summary>
public sealed class DemoIds(string tenantSlug)
{
    private static readonly Guid Namespace = new("3b0f6d2e-8a41-4c57-9e1d-6a2c7f0b5d13");

    public static Guid TenantId(string slug) => NameBased($"tenant/{slug}");

    public Guid Of(string kind, int index) => NameBased($"{tenantSlug}/{kind}/{index}");

    private static Guid NameBased(string name)
    {
        Span<byte> input = stackalloc byte[16 + Encoding.UTF8.GetByteCount(name)];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input[16..]);

        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
