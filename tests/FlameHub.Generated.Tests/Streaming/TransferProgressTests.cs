namespace FlameHub.Generated.Tests.Streaming;

/// <summary>The rate rule of progress reports, on a clock the test moves.</summary>
public class TransferProgressTests
{
    private const int Buffer = 81920;

    /// <summary>A clock of whole milliseconds that moves only when told.</summary>
    private sealed class StepClock : TimeProvider
    {
        public long Milliseconds { get; set; }
        public override long TimestampFrequency => 1000;
        public override long GetTimestamp() => Milliseconds;
    }

    [Test]
    public void Reports_at_most_once_per_interval_and_the_total_at_the_end()
    {
        var clock = new StepClock();
        var recorder = new ProgressRecorder();
        var progress = new TransferProgress(recorder, clock);

        // 1,000 buffers, one every 2 ms: 2 s of transfer.
        for (var i = 0; i < 1000; i++)
        {
            clock.Milliseconds += 2;
            progress.Add(Buffer);
        }
        progress.Complete();

        // Reports at 100, 200, … 2000 ms (20 of them, the last holding every byte) and no separate final one.
        Assert.That(recorder.Values, Has.Count.EqualTo(20));
        Assert.That(recorder.Values, Is.EqualTo(Enumerable.Range(1, 20).Select(i => i * 50L * Buffer)));
    }

    [Test]
    public void Nothing_is_reported_within_the_first_interval_but_the_final_total()
    {
        var clock = new StepClock();
        var recorder = new ProgressRecorder();
        var progress = new TransferProgress(recorder, clock);

        clock.Milliseconds = 99;
        progress.Add(10);
        progress.Add(20);
        Assert.That(recorder.Values, Is.Empty);

        progress.Complete();
        progress.Complete();

        Assert.That(recorder.Values, Is.EqualTo(new[] { 30L }));
    }

    [Test]
    public void A_pause_longer_than_the_interval_gives_one_report_not_a_burst()
    {
        var clock = new StepClock();
        var recorder = new ProgressRecorder();
        var progress = new TransferProgress(recorder, clock);

        clock.Milliseconds = 1000;
        progress.Add(1);
        progress.Add(1);
        progress.Add(1);
        clock.Milliseconds = 1099;
        progress.Add(1);
        clock.Milliseconds = 1100;
        progress.Add(1);

        Assert.That(recorder.Values, Is.EqualTo(new[] { 1L, 5L }));
    }

    [Test]
    public void An_empty_transfer_reports_zero_once()
    {
        var recorder = new ProgressRecorder();
        var progress = new TransferProgress(recorder, new StepClock());

        progress.Complete();
        progress.Complete();

        Assert.That(recorder.Values, Is.EqualTo(new[] { 0L }));
    }

    [Test]
    public void Reaching_the_known_total_reports_it_at_once_and_only_once()
    {
        var recorder = new ProgressRecorder();
        var progress = new TransferProgress(recorder, new StepClock(), total: 300);

        progress.Add(100);
        progress.Add(200);
        progress.Complete();

        Assert.That(recorder.Values, Is.EqualTo(new[] { 300L }));
    }

    [Test]
    public void A_restart_reports_nothing_until_it_passes_what_was_reported()
    {
        var clock = new StepClock();
        var recorder = new ProgressRecorder();
        var progress = new TransferProgress(recorder, clock);
        clock.Milliseconds = 100;
        progress.Add(500);

        progress.Restart();
        clock.Milliseconds = 200;
        progress.Add(400);
        clock.Milliseconds = 300;
        progress.Add(100);
        clock.Milliseconds = 400;
        progress.Add(100);
        progress.Complete();

        Assert.That(recorder.Values, Is.EqualTo(new[] { 500L, 600L }));
    }

    [Test]
    public void No_progress_means_no_counter()
    {
        Assert.That(TransferProgress.For(null), Is.Null);
        Assert.That(TransferProgress.For(new ProgressRecorder()), Is.Not.Null);
    }
}
