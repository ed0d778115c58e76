using System.Text.Json.Nodes;
using FlameHub.Testing;
using FlameHub.Testing.Model;

namespace FlameHub.Generated.Testing.Tests;

/// <summary>The fake serves what the release's documents declare, with no code of its own per resource.</summary>
public sealed class DocumentDrivenTests
{
    [Test, CancelAfter(30_000)]
    public async Task Every_collection_the_documents_declare_lists_as_the_releases_envelope()
    {
        using var hub = new FakeHub();
        using var raw = new HubWire(hub);
        var token = await raw.AdminTokenAsync();
        var checkedCount = 0;
        foreach (var (service, url) in new[] { ("auth", hub.AuthUrl), ("core", hub.CoreUrl), ("storage", hub.StorageUrl) })
        {
            foreach (var collection in ServiceModel.Embedded[service].Collections.Values.Where(c => c.List is not null))
            {
                // page[offset] without page[limit]: 0.8.13 answers meta.limit only for a paged request (fake.json page.metaWithoutPage).
                var (status, body) = await raw.SendAsync(HttpMethod.Get, new Uri(url, collection.Resource + "?page[offset]=0"), token);
                Assert.That(status, Is.EqualTo(200), $"{service} /{collection.Resource}");
                Assert.That(body?["data"], Is.InstanceOf<JsonArray>(), $"{service} /{collection.Resource}");
                Assert.That(body?["meta"]?["limit"]?.GetValue<int>(), Is.EqualTo(50), $"{service} /{collection.Resource}: the default page of fake.json");
                checkedCount++;
            }
        }
        Assert.That(checkedCount, Is.GreaterThan(30), "auth, core and storage together declare dozens of collections");
    }

    [Test, CancelAfter(20_000)]
    public async Task An_unpaged_list_has_the_meta_the_release_gives_it()
    {
        using var hub = new FakeHub();
        using var raw = new HubWire(hub);
        var token = await raw.AdminTokenAsync();
        var quirks = FakeQuirks.Load();

        var (_, body) = await raw.SendAsync(HttpMethod.Get, new Uri(hub.AuthUrl, "realms"), token);

        // 0.8.13: {total} only (exchange 07); 0.14.0: total, limit, offset and the query schema (exchange 03).
        var expected = quirks.MetaWithoutPage ?? ["total", "limit", "offset"];
        Assert.That(body!["meta"]!.AsObject().Select(m => m.Key).Where(k => k != "schema"), Is.EquivalentTo(expected));
        Assert.That(body["meta"]!["schema"] is not null, Is.EqualTo(quirks.MetaSchema("auth", "list") is not null));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_resource_only_the_documents_name_is_created_read_and_updated()
    {
        // Registries: nothing in the fake's code names them; the core document declares them.
        using var hub = new FakeHub();
        using var raw = new HubWire(hub);
        var token = await raw.AdminTokenAsync();

        var registries = Collection("core", "registries");
        var (created, answer) = await raw.SendAsync(HttpMethod.Post, new Uri(hub.CoreUrl, "registries"), token, new { name = "harbor", host = "harbor.example" });
        Assert.That(created, Is.EqualTo(201));
        // A bare record on 0.8.13, {data, meta} on 0.14.0 (its document's x-flamehub-envelope).
        var registry = registries.Create!.Enveloped ? answer?["data"] : answer;
        var id = registry!["id"]!.GetValue<string>();
        Assert.That(Guid.TryParse(id, out _), Is.True, "ids are uuids");
        var createdAt = registries.Entity.ByKey("createdat")!.Name; // created_at on 0.8.13, createdAt on 0.14.0
        Assert.That(registry[createdAt]?.GetValue<string>(), Is.Not.Null);

        var (updated, updateAnswer) = await raw.SendAsync(HttpMethod.Post, new Uri(hub.CoreUrl, $"registries/{id}"), token, new { host = "registry.example" });
        var changed = registries.Update!.Enveloped ? updateAnswer?["data"] : updateAnswer;
        Assert.That(updated, Is.EqualTo(202));
        Assert.That(changed!["host"]!.GetValue<string>(), Is.EqualTo("registry.example"));
        Assert.That(changed["name"]!.GetValue<string>(), Is.EqualTo("harbor"));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_create_with_fields_the_release_refuses_is_400_with_the_releases_body()
    {
        using var hub = new FakeHub();
        using var raw = new HubWire(hub);
        var token = await raw.AdminTokenAsync();
        var nodes = Collection("core", "nodes");
        var external = nodes.Entity.ByKey("externalname")!.Name;
        // No name, which the body schema (0.8.13) or fake.json's validation.required (0.14.0) requires, and a type outside NodeType's enum.
        var required = nodes.CreateBody!.Required.Union(FakeQuirks.Load().RequiredFields("nodes")).Where(r => r != external).ToArray();
        Assert.That(required, Does.Contain("name"));

        var sent = new JsonObject { [external] = "no name", ["type"] = "nope" };
        var (status, body) = await raw.SendAsync(HttpMethod.Post, new Uri(hub.CoreUrl, "nodes"), token, sent);

        string[] refused = [.. required, "type"];
        Assert.That(status, Is.EqualTo(400));
        // The release's message over the refused attributes; the item per failed rule is ValidationTests' subject.
        Assert.That(body?["message"]?.GetValue<string>(), Is.EqualTo(FakeQuirks.Load().Error("core", "validation").Render(refused)["message"]!.GetValue<string>()), "hub-0.8.13 exchange 26, hub-0.14.0 exchange 14");
        Assert.That(body?["message"]?.GetValue<string>(), Does.Contain(string.Join(", ", refused)));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_name_shorter_than_the_releases_minimum_is_refused()
    {
        using var hub = new FakeHub();
        using var raw = new HubWire(hub);
        var token = await raw.AdminTokenAsync();

        var (status, body) = await raw.SendAsync(HttpMethod.Post, new Uri(hub.CoreUrl, "nodes"), token, new { name = "x" });
        var (accepted, _) = await raw.SendAsync(HttpMethod.Post, new Uri(hub.CoreUrl, "nodes"), token, new { name = "xyz" });

        Assert.That(status, Is.EqualTo(400), "hub-0.8.13 exchange 26, hub-0.14.0 exchange 14: name \"x\" is too short");
        Assert.That(body?.ToJsonString(), Does.Contain("name"));
        Assert.That(accepted, Is.EqualTo(201), "three characters are enough");
    }

    [Test, CancelAfter(20_000)]
    public async Task A_page_larger_than_the_maximum_is_cut_to_it()
    {
        using var hub = new FakeHub();
        using var raw = new HubWire(hub);
        var token = await raw.AdminTokenAsync();
        for (var i = 0; i < 55; i++) await raw.SendAsync(HttpMethod.Post, new Uri(hub.CoreUrl, "nodes"), token, new { name = $"n{i:00}" });

        var (_, body) = await raw.SendAsync(HttpMethod.Get, new Uri(hub.CoreUrl, "nodes?page[limit]=100&page[offset]=3&sort=-name"), token);

        Assert.That(body!["meta"]!["total"]!.GetValue<int>(), Is.EqualTo(55));
        Assert.That(body["meta"]!["limit"]!.GetValue<int>(), Is.EqualTo(50));
        Assert.That(body["meta"]!["offset"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(body["data"]!.AsArray().Count, Is.EqualTo(50));
        Assert.That(body["data"]![0]!["name"]!.GetValue<string>(), Is.EqualTo("n51"), "sorted by name descending, three skipped");
    }

    [Test]
    public void The_fakes_code_names_no_resource_of_the_documents()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "FlameHub.Generated.sln"))) root = root.Parent;
        Assert.That(root, Is.Not.Null, "the checkout's root");
        var code = Directory.GetFiles(Path.Combine(root!.FullName, "src", "FlameHub.Generated.Testing"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        var resources = ServiceModel.Embedded.Values.SelectMany(s => s.Collections.Keys).Distinct().ToList();

        Assert.That(code, Is.Not.Empty);
        Assert.That(resources, Does.Contain("nodes"));
        foreach (var (file, text) in code)
        {
            foreach (var resource in resources)
            {
                Assert.That(text, Does.Not.Contain($"\"{resource}\""), $"{file} names the resource '{resource}': what a resource is comes from the documents and fake.json");
            }
        }
    }

    [Test, CancelAfter(20_000)]
    public async Task A_filter_on_a_relation_walks_it()
    {
        using var hub = new FakeHub();
        using var raw = new HubWire(hub);
        var token = await raw.AdminTokenAsync();

        // hub-api-notes.md 'Wire conventions': filter[realm.name]=x filters on a relation.
        var (_, master) = await raw.SendAsync(HttpMethod.Get, new Uri(hub.AuthUrl, "users?filter[realm.name]=master"), token);
        var (_, none) = await raw.SendAsync(HttpMethod.Get, new Uri(hub.AuthUrl, "users?filter[realm.name]=elsewhere"), token);

        Assert.That(master!["data"]!.AsArray().Select(u => u!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "admin" }));
        Assert.That(none!["data"]!.AsArray(), Is.Empty);
    }

    [Test, CancelAfter(20_000)]
    public async Task A_read_selects_the_asked_fields_and_leaves_out_the_releases_hidden_ones()
    {
        using var hub = new FakeHub();
        using var raw = new HubWire(hub);
        var token = await raw.AdminTokenAsync();
        var users = Collection("auth", "users");
        var hidden = FakeQuirks.Load().HiddenFields("users");
        Assert.That(hidden, Is.Not.Empty, "fake.json names the user fields Authup leaves out of reads");

        var (_, selected) = await raw.SendAsync(HttpMethod.Get, new Uri(hub.AuthUrl, "realms?fields=id,name"), token);
        var (_, plain) = await raw.SendAsync(HttpMethod.Get, new Uri(hub.AuthUrl, "users"), token);
        var (_, plus) = await raw.SendAsync(HttpMethod.Get, new Uri(hub.AuthUrl, $"users?fields=%2B{hidden[0]}"), token);

        Assert.That(selected!["data"]![0]!.AsObject().Select(f => f.Key), Is.EquivalentTo(new[] { "id", "name" }));
        var fields = plain!["data"]![0]!.AsObject().Select(f => f.Key).ToList();
        Assert.That(fields, Is.Not.Empty.And.No.AnyOf(hidden.ToArray()));
        Assert.That(fields, Does.Contain(users.Entity.ByKey("name")!.Name));
        Assert.That(plus!["data"]![0]!.AsObject().Select(f => f.Key).ToList(), Does.Contain(hidden[0]).And.Count.EqualTo(fields.Count + 1));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_create_fills_what_the_Hub_fills_and_answers_with_the_relations_it_names()
    {
        using var hub = new FakeHub();
        using var auth = new FlameHub.Auth.AuthClient(hub.AuthUrl, hub.Admin, hub.Handler);
        using var core = new FlameHub.Core.CoreClient(hub.CoreUrl, hub.Admin, hub.Handler);
        var master = (await auth.FindRealmsAsync(new FindOptions { Filter = { ["name"] = "master" } })).Single();

        // hub-0.8.13 exchanges 37, 38; hub-0.14.0 exchanges 17, 19.
        var project = await core.CreateProjectAsync(new FlameHub.Core.CreateProject { Name = "study" });
        var node = await core.CreateNodeAsync(new FlameHub.Core.CreateNode { Name = "site" });
        var link = await core.CreateProjectNodeAsync(new FlameHub.Core.CreateProjectNode { ProjectId = project.Id, NodeId = node.Id });

        Assert.That(project.RealmId, Is.EqualTo(master.Id), "the caller's realm where none is sent");
        Assert.That(node.RealmId, Is.EqualTo(master.Id));
        Assert.That(project.Nodes, Is.Zero, "a count the Hub keeps starts at 0");
        Assert.That(link.Project?.Id, Is.EqualTo(project.Id), "the create's answer embeds the relations it names");
        Assert.That(link.ProjectRealmId, Is.EqualTo(master.Id), "x_realm_id is the realm of the entity x_id names");
    }

    private static CollectionModel Collection(string service, string resource) =>
        ServiceModel.Embedded[service].Collections[resource];

    [Test, CancelAfter(20_000)]
    public async Task An_unknown_path_is_404()
    {
        using var hub = new FakeHub();
        using var raw = new HubWire(hub);
        var token = await raw.AdminTokenAsync();

        Assert.That((await raw.SendAsync(HttpMethod.Get, new Uri(hub.CoreUrl, "no-such-things"), token)).Status, Is.EqualTo(404));
    }
}
