namespace AgencyWorkroom.Web.Extensions;

/// <summary>The <c>Workroom</c> section of the configuration.</summary>
public sealed class WorkroomOptions
{
    public const string Section = "Workroom";

    /// <summary>Lists the demo accounts on the sign-in page. On for the local stack only.</summary>
    public bool DemoMode { get; set; }

    /// <summary>Sign-in attempts one address may make per minute before it is told to wait.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>How long an admin's password-reset link works (once) before it expires.</summary>
    public TimeSpan PasswordResetLinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The lifetime in whole hours, as the admin pages say it.</summary>
    public int PasswordResetLinkHours => (int)Math.Round(PasswordResetLinkLifetime.TotalHours);
}
