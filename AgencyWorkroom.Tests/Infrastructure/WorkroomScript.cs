using System.Diagnostics;

namespace AgencyWorkroom.Tests.Infrastructure;

/// <summary>
/// Runs the checkout's <c>workroom</c> script with bash: a whole command, or one of its functions
/// (the script, sourced, only defines them), so a test checks the script's own rules rather than a copy.
/// </summary>
public static class WorkroomScript
{
    /// <summary>The checkout: the folder above the test assembly that holds AgencyWorkroom.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Runs <c>bash ./workroom ARGS</c> in the checkout.</summary>
    public static Task<ScriptResult> RunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        BashAsync(["./workroom", .. arguments], environment);

    /// <summary>Sources the script and calls one of its functions with ARGS.</summary>
    public static Task<ScriptResult> CallAsync(string function, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        BashAsync(["-c", $". ./workroom && {function} \"$@\"", "workroom", .. arguments], environment);

    /// <summary>Runs <c>bash ARGS</c> in the checkout, given a minute.</summary>
    public static async Task<ScriptResult> BashAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bash {string.Join(' ', arguments)} ran for over a minute");
        }

        return new ScriptResult(process.ExitCode, await output, await error);
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AgencyWorkroom.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds AgencyWorkroom.sln");
    }
}

public sealed record ScriptResult(int ExitCode, string Output, string Error);
