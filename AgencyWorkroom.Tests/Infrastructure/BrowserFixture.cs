using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AgencyWorkroom.Tests.Infrastructure;

/// <summary>
/// The app on a free local port (Kestrel, not the in-memory test server) and Debian's Chromium
/// driven by Playwright, headless. Never downloads a browser: it uses /usr/bin/chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright _playwright = null!;

    public WorkroomAppFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Where screenshots of each screen are kept as test artifacts.</summary>
    public static string ScreenshotFolder =>
        Path.Combine(Environment.GetEnvironmentVariable("WORKROOM_TEST_RESULTS") ?? Path.GetTempPath(), "screenshots");

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // One request before any test, so no test pays for the app's first render.
        using (var warmUp = new HttpClient { BaseAddress = new Uri(BaseUrl) })
        {
            (await warmUp.GetAsync("/Account/Login")).EnsureSuccessStatusCode();
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // No sandbox as root; no background traffic on a machine without a network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>A fresh browser context (its own cookies) with one page on the app.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = 1366, Height = 900 } });
        // Generous: the first sign-in of a run also warms the app's JIT and the database's caches,
        // and CI shares two cores with the database and Chromium.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(45_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the real form and waits for the interactive app.</summary>
    public async Task<IPage> SignedInPageAsync(string email, string password)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // The page's own location, polled: a navigation event awaited here can have passed already
        // when the redirect is quick, and then the wait stalled for its whole timeout (twice: for
        // the load event, then for commit). The live-circuit marker is the proof that matters.
        await page.WaitForFunctionAsync("() => !location.pathname.startsWith('/Account/Login')");
        await WaitForInteractiveAsync(page);
        return page;
    }

    /// <summary>Opens a screen of the app and waits for its live circuit.</summary>
    public static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
        await WaitForInteractiveAsync(page);
    }

    /// <summary>Waits until the circuit is live: typing into prerendered HTML would be lost.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync();

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });

    /// <summary>Fails with axe's words when the page has a serious or critical accessibility violation.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var violations = await SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    /// <summary>The page's serious and critical accessibility violations, as lines to read.</summary>
    public static async Task<List<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        // A snackbar or dialog fading in has not reached its colours yet: axe would judge the fade's
        // contrast. Wait for the finite animations (not spinners) to end, at most two seconds.
        await page.EvaluateAsync("""
            () => Promise.race([
                Promise.all(document.getAnimations()
                    .filter(a => a.effect?.getComputedTiming().iterations !== Infinity)
                    .map(a => a.finished.catch(() => null))),
                new Promise(done => setTimeout(done, 2000))])
            """);
        AxeResult result = await page.RunAxe();
        return [.. result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .SelectMany(v => v.Nodes.Take(5).Select(n => $"{v.Id} ({v.Impact}): {v.Help} at {n.Target} — {n.Html}"))];
    }
}
