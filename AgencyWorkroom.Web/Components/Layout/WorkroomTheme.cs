using MudBlazor;

namespace AgencyWorkroom.Web.Components.Layout;

/// <summary>
/// MudBlazor's palettes with the status colours deepened (light) or lightened (dark) until their
/// text, on chips and alerts, reaches WCAG AA contrast; axe checks every screen for it.
/// </summary>
public static class WorkroomTheme
{
    private const string Ink = "#1a1a27";

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Success = "#1b5e20",
            Error = "#b71c1c",
            Warning = "#8a4b00",
            Info = "#0b4f8a",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#a59bff",
            PrimaryContrastText = Ink,
            Success = "#81c784",
            SuccessContrastText = Ink,
            Error = "#ef9a9a",
            ErrorContrastText = Ink,
            Warning = "#ffcc80",
            WarningContrastText = Ink,
            Info = "#90caf9",
            InfoContrastText = Ink,
        },
    };
}
