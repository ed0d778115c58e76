namespace FlameHub.Generated.Tests.Transport;

public class RetryBackoffTests
{
    private static readonly HubRetryOptions Options = new() { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromSeconds(2) };

    [TestCase(0, 10)]
    [TestCase(1, 20)]
    [TestCase(3, 80)]
    [TestCase(8, 2000)]
    [TestCase(1000, 2000)]
    public void The_step_doubles_per_retry_up_to_MaxDelay(int retryIndex, double stepMs)
    {
        Assert.That(RetryBackoff.Delay(Options, retryIndex, 0), Is.EqualTo(TimeSpan.FromMilliseconds(stepMs)), "no jitter taken off");
        Assert.That(RetryBackoff.Delay(Options, retryIndex, 0.999999), Is.EqualTo(TimeSpan.FromMilliseconds(stepMs / 2)).Within(TimeSpan.FromTicks(100)), "the most jitter taken off");
    }

    [Test]
    public void A_random_wait_is_never_under_half_its_step()
    {
        // Polly's own jitter could come out under a millisecond, which .NET's delay treats as none:
        // a failing Hub would be asked again at once.
        var waits = Enumerable.Range(0, 10_000).Select(_ => RetryBackoff.Delay(Options, 0)).ToList();
        Assert.That(waits, Has.All.InRange(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(10)));
        Assert.That(waits.Distinct().Count(), Is.GreaterThan(100), "jittered");
    }

    [Test]
    public void No_base_delay_means_no_wait()
    {
        Assert.That(RetryBackoff.Delay(new HubRetryOptions { BaseDelay = TimeSpan.Zero }, 2, 0.5), Is.EqualTo(TimeSpan.Zero));
    }
}
