using System.Diagnostics;
using FlameHub.Core;
using FlameHub.Storage;

namespace FlameHub.Generated.Benchmarks;

/// <summary>
/// The scenarios BenchmarkDotNet does not fit (memory over a whole iteration, gigabyte transfers,
/// a burst of concurrent calls), measured by hand: Stopwatch, and <see cref="GC.GetTotalMemory(bool)"/> sampling.
/// </summary>
public static class Measured
{
    private static readonly Uri AuthPath = new("auth/", UriKind.Relative);

    public sealed record Peak(long Live, long Growth);

    /// <summary>
    /// The most managed memory still reachable while ListAll runs: a full collection at every
    /// page boundary; the peak live heap, and its growth over the heap before the first page.
    /// </summary>
    public static async Task<(Peak Client, Peak Raw)> ListAllPeakLiveAsync(ServerProcess server, int total)
    {
        var credential = new PasswordAuth("admin", "start123", new Uri(server.Root, AuthPath));
        using var client = new CoreClient(server.Service("core", total), credential);
        using var raw = new Raw(server.Service("core", total));
        await raw.SignInAsync(new Uri(server.Root, AuthPath));
        await client.GetNodeAsync(Payloads.NodeId);
        await raw.GetNodeAsync(Payloads.NodeId);

        var clientPeak = await PeakAsync(client.ListAllNodesAsync(new FindOptions { Include = { "registry" } }), total);
        var rawPeak = await PeakAsync(raw.ListAllNodesAsync(), total);
        return (clientPeak, rawPeak);
    }

    private static async Task<Peak> PeakAsync(IAsyncEnumerable<Node> nodes, int total)
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        var count = 0;
        await foreach (var node in nodes)
        {
            if (++count % Payloads.PageSize == 0) peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
        }
        if (count != total) throw new InvalidOperationException($"Listed {count} nodes, not {total}.");
        return new Peak(peak, peak - baseline);
    }

    public sealed record Transfer(double ClientMiBps, double RawMiBps, long ClientPeakGrowth, long RawPeakGrowth, List<double>? ClientRuns = null, List<double>? RawRuns = null);

    /// <summary>Uploads <paramref name="size"/> bytes from a generated stream, client and raw alternately; medians of the throughputs, the largest growth.</summary>
    public static async Task<Transfer> UploadAsync(ServerProcess server, long size, int repeats)
    {
        using var storage = new StorageClient(server.Service("storage", size), new StaticTokenAuth("token"));
        using var raw = new Raw(server.Service("storage", size));
        var uploadPath = $"buckets/{Payloads.BucketId:D}/upload";
        var client = new List<double>();
        var rawRates = new List<double>();
        long clientPeak = 0, rawPeak = 0;
        for (var i = 0; i < repeats; i++)
        {
            var (seconds, growth) = await TimedAsync(async () =>
            {
                var files = await storage.UploadToBucketAsync(Payloads.BucketId, new UploadFile("big/generated.bin", new GeneratedStream(size, seekable: true)));
                if (files.Single().Size is not { } received || received < size || received > size + 1024) throw new InvalidOperationException("The server received a different size.");
            });
            client.Add(size / seconds / 1048576);
            clientPeak = Math.Max(clientPeak, growth);

            (seconds, growth) = await TimedAsync(async () =>
            {
                using var content = new MultipartContent("form-data", "raw-" + Guid.NewGuid().ToString("N"));
                var part = new StreamContent(new GeneratedStream(size, seekable: true), 81920);
                part.Headers.TryAddWithoutValidation("Content-Disposition", "form-data; name=\"file\"; filename=\"big/generated.bin\"");
                part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
                content.Add(part);
                using var request = new HttpRequestMessage(HttpMethod.Post, uploadPath) { Content = content };
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "token");
                using var response = await raw.Http.SendAsync(request);
                response.EnsureSuccessStatusCode();
                var received = (long)Newtonsoft.Json.Linq.JObject.Parse(await response.Content.ReadAsStringAsync())["data"]![0]!["size"]!;
                if (received < size || received > size + 1024) throw new InvalidOperationException("The server received a different size.");
            });
            rawRates.Add(size / seconds / 1048576);
            rawPeak = Math.Max(rawPeak, growth);
        }
        return new Transfer(Median(client), Median(rawRates), clientPeak, rawPeak, client, rawRates);
    }

    /// <summary>Downloads <paramref name="size"/> bytes into a counting sink, client and raw alternately.</summary>
    public static async Task<Transfer> DownloadAsync(ServerProcess server, long size, int repeats)
    {
        using var storage = new StorageClient(server.Service("storage", size), new StaticTokenAuth("token"));
        using var raw = new Raw(server.Service("storage", size));
        var streamPath = $"bucket-files/{Payloads.FileId:D}/stream";
        var client = new List<double>();
        var rawRates = new List<double>();
        long clientPeak = 0, rawPeak = 0;
        for (var i = 0; i < repeats; i++)
        {
            var (seconds, growth) = await TimedAsync(async () =>
            {
                var sink = new CountingStream();
                await using (var stream = await storage.StreamBucketFileAsync(Payloads.FileId)) await stream.CopyToAsync(sink);
                if (sink.Count != size) throw new InvalidOperationException("Received a different size.");
            });
            client.Add(size / seconds / 1048576);
            clientPeak = Math.Max(clientPeak, growth);

            (seconds, growth) = await TimedAsync(async () =>
            {
                var sink = new CountingStream();
                using var request = new HttpRequestMessage(HttpMethod.Get, streamPath);
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "token");
                using var response = await raw.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                await using (var stream = await response.Content.ReadAsStreamAsync()) await stream.CopyToAsync(sink);
                if (sink.Count != size) throw new InvalidOperationException("Received a different size.");
            });
            rawRates.Add(size / seconds / 1048576);
            rawPeak = Math.Max(rawPeak, growth);
        }
        return new Transfer(Median(client), Median(rawRates), clientPeak, rawPeak, client, rawRates);
    }

    private static async Task<(double Seconds, long PeakGrowth)> TimedAsync(Func<Task> transfer)
    {
        using var sampler = new MemorySampler(intervalMilliseconds: 1);
        var started = Stopwatch.GetTimestamp();
        await transfer();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        sampler.Dispose();
        return (seconds, sampler.PeakGrowth);
    }

    public sealed record Burst(double ValidMs, double ExpiredMs, int[] TokenRequests, int Repeats);

    /// <summary>
    /// <paramref name="calls"/> concurrent GetNodeAsync on one client: with a valid cached token,
    /// and with that token expired (the clock moved past it), alternately; medians.
    /// </summary>
    public static async Task<Burst> ConcurrentExpiryAsync(ServerProcess server, int calls, int repeats)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var credential = new PasswordAuth("admin", "start123", new Uri(server.Root, AuthPath), new HubCredentialOptions { TimeProvider = clock });
        using var client = new CoreClient(server.Service("core"), credential);
        using var stats = new HttpClient { BaseAddress = server.Root };
        async Task<int> TokenRequests() => int.Parse(await stats.GetStringAsync("stats"), System.Globalization.CultureInfo.InvariantCulture);
        async Task<double> BurstAsync()
        {
            var started = Stopwatch.GetTimestamp();
            var tasks = new Task<Node?>[calls];
            for (var i = 0; i < calls; i++) tasks[i] = client.GetNodeAsync(Payloads.NodeId);
            foreach (var node in await Task.WhenAll(tasks))
            {
                if (node?.Id != Payloads.NodeId) throw new InvalidOperationException("A call read no node.");
            }
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        // Warm: the token, the connections (up to one per concurrent call), the JIT.
        for (var i = 0; i < 3; i++) await BurstAsync();

        var valid = new List<double>();
        var expired = new List<double>();
        var tokens = new int[repeats];
        for (var i = 0; i < repeats; i++)
        {
            valid.Add(await BurstAsync());
            clock.Advance(TimeSpan.FromHours(2));
            var before = await TokenRequests();
            expired.Add(await BurstAsync());
            tokens[i] = await TokenRequests() - before;
        }
        return new Burst(Median(valid), Median(expired), tokens, repeats);
    }

    /// <summary>
    /// The time per call of the client and the raw variant, measured interleaved: blocks of
    /// <paramref name="callsPerBlock"/> calls in the order client, raw, raw, client, repeated, so
    /// that a machine whose load changes over seconds weighs on both alike. Medians over the blocks.
    /// </summary>
    public static async Task<(double ClientNs, double RawNs)> InterleavedAsync(Func<Task> client, Func<Task> raw, int callsPerBlock, int rounds)
    {
        var clientTimes = new List<double>();
        var rawTimes = new List<double>();
        async Task<double> BlockAsync(Func<Task> call)
        {
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < callsPerBlock; i++) await call();
            return Stopwatch.GetElapsedTime(started).TotalNanoseconds / callsPerBlock;
        }
        await BlockAsync(client);
        await BlockAsync(raw);
        for (var round = 0; round < rounds; round++)
        {
            clientTimes.Add(await BlockAsync(client));
            rawTimes.Add(await BlockAsync(raw));
            rawTimes.Add(await BlockAsync(raw));
            clientTimes.Add(await BlockAsync(client));
        }
        return (Median(clientTimes), Median(rawTimes));
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private long _ticks = start.UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
