#pragma warning disable CS0168, CS0219, CS8321 // the samples are compiled to prove them; their locals only show the API
using FlameHub.Auth;
using FlameHub.Core;
using FlameHub.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FlameHub.Generated.Tests.Readme;

/// <summary>
/// Every C# sample of README.md, compiled here; ReadmeTests checks that the README shows each
/// region's text exactly. Edit a sample here, then copy it into the README.
/// </summary>
internal static class ReadmeSamples
{
    public static async Task QuickstartAsync()
    {
        #region quickstart
        var hub = new Uri("http://localhost:3000/");
        var auth = new PasswordAuth("admin", "start123", new Uri(hub, "auth/"));
        using var authClient = new AuthClient(new Uri(hub, "auth/"), auth);
        using var core = new CoreClient(new Uri(hub, "core/"), auth);
        using var storage = new StorageClient(new Uri(hub, "storage/"), auth);

        var master = (await authClient.FindRealmsAsync(new FindOptions { Filter = { ["name"] = "master" } })).Single();

        var node = await core.CreateNodeAsync(new CreateNode { Name = "my-node", RealmId = master.Id });
        await core.UpdateNodeAsync(node.Id, new UpdateNode { Hidden = true, ExternalName = null });
        Node? same = await core.GetNodeAsync(node.Id);        // same.Hidden == true, same.ExternalName == null
        Node? none = await core.GetNodeAsync(Guid.NewGuid()); // null: the Hub's not-found answer is no error for a single get
        await core.DeleteNodeAsync(node.Id);

        var page = await core.FindNodesAsync(new FindOptions {
            Filter = { ["name"] = Filter.StartsWith("my-node") },
            Page = new Page(Limit: 10, Offset: 10),
            Sort = { "-" + NodeFields.CreatedAt } });
        Console.WriteLine($"{page.Count} of {page.Meta.Total}");
        await foreach (Node n in core.ListAllNodesAsync(new FindOptions { Filter = { ["hidden"] = false } })) { }

        User admin = (await authClient.FindUsersAsync(new FindOptions { Filter = { ["name"] = "admin" } })).Single();
        Console.WriteLine(admin.Realm!.Name); // "master": includable relations are included by default

        var bucket = await storage.CreateBucketAsync(new CreateBucket { Name = "my-bucket" });
        IReadOnlyList<BucketFile> files = await storage.UploadToBucketAsync(bucket.Id,
            new UploadFile("data/hello.txt", File.OpenRead("hello.txt")));
        await using Stream content = await storage.StreamBucketFileAsync(files[0].Id);
        #endregion
    }

#if HUB_ROBOTS && HUB_BASIC_AUTH
    public static void Credentials(Uri hub, Guid robotId, string oidcAccessToken)
    {
        #region credentials
        var authUrl = new Uri(hub, "auth/");
        IHubCredential user = new PasswordAuth("admin", "start123", authUrl);           // password grant, refresh_token renewal
        IHubCredential robot = new RobotAuth(robotId, "robot-secret", authUrl);          // robot_credentials grant (*)
        IHubCredential client = new ClientAuth("my-client", "client-secret", authUrl);   // client_credentials grant
        IHubCredential oidc = new StaticTokenAuth(oidcAccessToken);                      // a token you renew yourself
        IHubCredential basic = new BasicAuth("admin", "start123");                       // core and storage only (*)

        var tuned = new PasswordAuth("admin", "start123", authUrl, new HubCredentialOptions
        {
            RefreshMargin = TimeSpan.FromMinutes(2), // renew this long before expiry
        });
        #endregion
    }
#endif

#if HUB_ROBOTS
    public static async Task DependencyInjectionAsync(IServiceCollection services)
    {
        #region dependency-injection
        services.AddFlameHub(options =>
        {
            options.UseGateway(new Uri("http://localhost:3000/")); // or AuthUrl, CoreUrl, StorageUrl one by one
            options.Credential = new RobotAuth(Guid.Parse("8bbe85b6-10e0-4d4d-a9c9-96bad08aeb42"), "robot-secret",
                new Uri("http://localhost:3000/auth/"));
            options.Timeout = TimeSpan.FromSeconds(60);
            options.Retry.MaxRetries = 5;
        })
        .Core.AddHttpMessageHandler(() => new MyAuditHandler()); // Auth, Core, Storage: IHttpClientBuilder each

        // Inject AuthClient, CoreClient, StorageClient or their interfaces (ICoreClient…): they share one token.
        using var provider = services.BuildServiceProvider();
        var core = provider.GetRequiredService<ICoreClient>();
        #endregion
        await Task.CompletedTask;
    }
#endif

    private sealed class MyAuditHandler : DelegatingHandler;

    public static void Configuration(HostApplicationBuilder builder)
    {
        #region configuration
        builder.Services.AddFlameHub(builder.Configuration.GetSection("FlameHub")); // validated when the host starts
        #endregion
    }

    public static void OwnHttpClient(Uri hub, IHubCredential credential)
    {
        #region own-http-client
        // The library's handler chain (X-Request-Id, retries, credential, logging) under handlers of your own:
        var chain = HubHttpPipeline.CreateHandler(new HubClientOptions { Credential = credential });
        var http = new HttpClient(new MyAuditHandler { InnerHandler = chain }) { BaseAddress = new Uri(hub, "core/") };
        using var core = new CoreClient(http, new HubClientOptions { Timeout = TimeSpan.FromSeconds(60) });
        #endregion
    }

    public static async Task ReleaseCheckAsync(Uri hub, IHubCredential credential, ILogger logger)
    {
        #region release-check
        using var core = new CoreClient(new Uri(hub, "core/"), new HubClientOptions
        {
            Credential = credential,
            ReleaseCheck = HubReleaseCheck.Strict,   // the default; Warn logs once and goes on, Off reads no GET /
        });
        try
        {
            await core.CheckReleaseAsync();           // at start-up; else the first call checks
        }
        catch (HubReleaseMismatchException error)
        {
            // "core at http://localhost:3000/core/ reports Hub 0.14.0; this package (FlameHub.Generated
            //  0.8.13-hub.1) speaks Hub 0.8.x; use FlameHub.Generated 0.14.0-hub.*. Nothing was sent …"
            logger.LogCritical("{Problem} (package {Package} for Hub {Hub})", error.Message, HubRelease.PackageVersion, HubRelease.Hub);
        }
        #endregion
    }

    public static async Task QueriesAsync(CoreClient core, AuthClient auth, Guid realmId)
    {
        #region queries
        var nodes = await core.FindNodesAsync(new FindOptions
        {
            Filter =
            {
                [NodeFields.RealmId] = realmId,                         // equals
                [NodeFields.Name] = Filter.StartsWith("site-"),         // ~site- (0.8.13), site-~ (0.14)
                [NodeFields.Type] = Filter.In(NodeType.Default, NodeType.Aggregator),
                [NodeFields.ExternalName] = Filter.IsNotNull(),
                ["registry.name"] = "harbor",                           // a relation's field
            },
            Sort = { "-" + NodeFields.CreatedAt, NodeFields.Name },
            Page = new Page(Limit: 20, Offset: 40),
            Include = { "registry" },                                   // only this relation (default: all)
            Fields = { NodeFields.Id, NodeFields.Name, NodeFields.RegistryId },
        });
        Registry? registry = nodes.FirstOrDefault()?.Registry;          // typed, null unless included

        var bare = await core.GetNodeAsync(nodes[0].Id, new FindOptions { Include = { UseDefaults = false } });
        var withEmail = await auth.FindUsersAsync(new FindOptions { Fields = { "+" + UserFields.Email } });
        #endregion
    }

    public static async Task UpdatesAsync(CoreClient core, Node node)
    {
        #region updates
        var changes = new UpdateNode { Hidden = true, ExternalName = null }; // sends {"hidden":true,"external_name":null}
        bool sent = changes.IsSet(NodeFields.PublicKey);                    // false: unset fields are not sent
        changes.Reset(NodeFields.Hidden);                                   // take one back
        await core.UpdateNodeAsync(node, changes);                          // by entity or by id

        try
        {
            await core.CreateNodeAsync(new CreateNode { Hidden = true });   // Name is required
        }
        catch (ArgumentException missing)                                  // thrown before any request
        {
            Console.WriteLine(missing.ParamName);                           // "Name"
        }
        #endregion
    }

    public static async Task PagingAsync(CoreClient core)
    {
        #region paging
        HubList<Analysis> first = await core.GetAnalysesAsync();            // the first 50, like the Python client
        Console.WriteLine($"{first.Count} of {first.Meta.Total} (limit {first.Meta.Limit}, offset {first.Meta.Offset})");

        await foreach (var analysis in core.ListAllAnalysesAsync(new FindOptions { Sort = { "name" } }))
        {
            // page after page as you iterate, one page in memory; break to stop fetching
        }
        #endregion
    }

    public static async Task StorageAsync(StorageClient storage, Guid bucketId, Guid fileId)
    {
        #region storage
        IReadOnlyList<BucketFile> stored = await storage.UploadToBucketAsync(bucketId,
            UploadFile.FromFile("results/model.bin", hubPath: "run-1/model.bin"), // opened while sending, closed after
            new UploadFile("run-1/notes.txt", new MemoryStream("done"u8.ToArray()), "text/plain"));
        // stored[0].Path == "run-1/model.bin", .Directory == "run-1", .Name == "model.bin"

        await using (Stream file = await storage.StreamBucketFileAsync(fileId))   // the original bytes, streamed
        await using (var target = File.Create("model.bin"))
        {
            await file.CopyToAsync(target);
        }

        await using Stream tar = await storage.StreamBucketAsync(bucketId);        // the whole bucket as a tar
        Bucket? byName = await storage.GetBucketAsync("my-bucket");                // by id or by name
        #endregion
    }

    public static async Task StorageProgressAsync(StorageClient storage, Guid bucketId, Guid fileId, ProgressBar bar, Stream target)
    {
        #region storage-progress
        IProgress<long> progress = new Progress<long>(bytes => bar.Value = bytes); // made on the UI thread: reported there, in order
        IReadOnlyList<BucketFile> sent = await storage.UploadToBucketAsync(bucketId,
            [UploadFile.FromFile("results/model.bin", hubPath: "run-1/model.bin")], progress); // the files' bytes sent so far

        await using Stream model = await storage.StreamBucketFileAsync(fileId, progress);      // the bytes read so far
        await model.CopyToAsync(target);
        #endregion
    }

    /// <summary>Stands for a UI's progress bar.</summary>
    public sealed class ProgressBar
    {
        public long Value { get; set; }
    }

    public static async Task ErrorsAsync(Uri hub, IHubCredential credential, CreateNode body)
    {
        #region errors
        using var core = new CoreClient(new Uri(hub, "core/"), new HubClientOptions
        {
            Credential = credential,
            Timeout = TimeSpan.FromSeconds(60),          // the whole call, retries and reading the answer included
            AttemptTimeout = TimeSpan.FromSeconds(15),   // one attempt
            MaxResponseBytes = 32 * 1024 * 1024,          // the largest JSON answer read, after decompression
            Retry = { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(500), RetryPost = false },
            TimeProvider = TimeProvider.System,           // the clock of every wait and limit above
        });
        try
        {
            await core.CreateNodeAsync(body);
        }
        catch (HubApiException error) when (error.StatusCode == 400)
        {
            // error.Message: "received status code 400 (undefined): The attributes name, type are invalid."
            Console.WriteLine($"{error.Code}: {error.HubMessage} on {error.Method} {error.Path}");
            if (error.Body?.TryGetProperty("attributes", out var invalid) == true) // the whole JSON error body
                Console.WriteLine(invalid);                 // ["name","type"]
        }
        catch (HubApiException error) when (error.IsTransient)
        {
            // 408, 429, 502, 503, 504 that outlasted the retries
        }
        catch (HttpRequestException)
        {
            // connection failures and timeouts
        }
        #endregion
    }

    public static async Task FakeClockAsync(Uri hub, string password, Guid nodeId)
    {
        #region fake-clock
        var clock = new FakeTimeProvider();             // Microsoft.Extensions.TimeProvider.Testing
        var credential = new PasswordAuth("admin", password, new Uri(hub, "auth/"), new HubCredentialOptions { TimeProvider = clock });
        using var core = new CoreClient(new Uri(hub, "core/"), new HubClientOptions { Credential = credential, TimeProvider = clock });
        var call = core.GetNodeAsync(nodeId);           // the Hub answers 503 with Retry-After: 2
        // ... once that answer is in, the retry waits on the fake clock, not on the wall clock:
        clock.Advance(TimeSpan.FromSeconds(2));         // now the retry is sent
        Node? node = await call;
        #endregion
    }

    public static async Task LoggingAsync(Uri hub, IHubCredential credential, ILoggerFactory loggerFactory, Guid nodeId)
    {
        #region logging
        using var core = new CoreClient(new Uri(hub, "core/"), new HubClientOptions
        {
            Credential = credential,
            LoggerFactory = loggerFactory,      // one event per request: method, path, status, duration, attempt, request id
            CorrelationId = "scheduler-7",      // sent as X-Request-Id (default: a new id per client)
        });
        using (HubCorrelation.Use("job-42"))    // this scope's calls send X-Request-Id: job-42
        {
            await core.GetNodeAsync(nodeId);    // one span "CoreClient.GetNode", one flamehub.client.operation.duration
        }
        // OpenTelemetry: both are named "FlameHub".
        //   .WithTracing(t => t.AddSource(FlameHubDiagnostics.ActivitySourceName).AddHttpClientInstrumentation())
        //   .WithMetrics(m => m.AddMeter(FlameHubDiagnostics.MeterName))
        #endregion
    }
}
