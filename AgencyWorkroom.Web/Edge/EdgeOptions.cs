namespace AgencyWorkroom.Web.Edge;

/// <summary>The <c>Edge</c> section of the configuration: who stands in front of the app.</summary>
public sealed class EdgeOptions
{
    public const string Section = "Edge";

    /// <summary>
    /// Addresses of the reverse proxies whose <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> are believed.
    /// With neither this nor <see cref="KnownNetworks"/> set, only loopback (a proxy on the same host).
    /// </summary>
    public string[]? KnownProxies { get; set; }

    /// <summary>Networks (CIDR, e.g. <c>10.0.0.0/8</c>) whose proxies are believed, as <see cref="KnownProxies"/>.</summary>
    public string[]? KnownNetworks { get; set; }

    /// <summary>
    /// Whether the sign-in cookie is marked Secure whatever the request (default: outside Development).
    /// Off only where plain HTTP on loopback is the whole path, as in the benchmarks.
    /// </summary>
    public bool? RequireHttps { get; set; }

    /// <summary>Origins besides the app's own that may open the Blazor hub (none by default).</summary>
    public string[]? AllowedOrigins { get; set; }
}
