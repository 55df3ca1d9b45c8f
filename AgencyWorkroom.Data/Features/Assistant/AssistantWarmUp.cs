using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgencyWorkroom.Data.Features.Assistant;

/// <summary>Embeds the assistant's labelled examples when the app starts (a second or two of one core), not on the first question.</summary>
public sealed class AssistantWarmUp(IntentClassifier classifier, ILogger<AssistantWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await classifier.WarmUpAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The first question embeds them instead.
            logger.LogWarning(ex, "The assistant's examples could not be embedded at start");
        }
    }
}
