using FlameHub.Core;

namespace FlameHub.Generated.Tests.Contract;

/// <summary>
/// Master images, registries, projects, project nodes, analyses and their nodes, buckets and logs on
/// the core service (Hub 0.14.0), against the recorded exchanges.
/// </summary>
public class CoreProjectAnalysisContractTests
{
    private static readonly Guid ProjectId = Guid.Parse("022b9523-e2da-46ec-afa9-2ba14f75efd4");
    private static readonly Guid NodeId = Guid.Parse("a76befc6-db50-46c5-ba01-8528c2455797");
    private static readonly Guid NodeAId = Guid.Parse("4c469ac8-c639-4266-b98d-c455d8395d06");
    private static readonly Guid AnalysisId = Guid.Parse("6f88eed1-a7d3-4797-be49-ec932c6e05ce");
    private static readonly Guid RegistryId = Guid.Parse("c4587499-ffe1-4479-aa2e-00104288572e");

    [SetUp]
    public Task Reset() => WireMockFixture.Server.ResetAsync();

    [Test]
    public async Task Exchange_17_project_create()
    {
        var exchange = await Exchange.StubAsync(17);
        using var core = ContractClients.Core();

        var project = await core.CreateProjectAsync(new CreateProject { Name = "hub14-project-093059", Description = "project created by the hub14 rig" });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(project, exchange.Data);
        Assert.That(project.Id, Is.EqualTo(ProjectId));
    }

    [Test]
    public async Task Exchange_18_project_get()
    {
        var exchange = await Exchange.StubAsync(18);
        using var core = ContractClients.Core();

        var project = await core.GetProjectAsync(ProjectId, new FindOptions { Include = { UseDefaults = false } });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(project, exchange.Data);
    }

    [Test]
    public async Task Exchange_19_project_node_create_returns_project_and_node_typed()
    {
        var exchange = await Exchange.StubAsync(19);
        using var core = ContractClients.Core();

        var projectNode = await core.CreateProjectNodeAsync(new CreateProjectNode { ProjectId = ProjectId, NodeId = NodeId });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(projectNode, exchange.Data);
        Assert.That(projectNode.Project, Is.TypeOf<Project>());
        Assert.That(projectNode.Node, Is.TypeOf<Node>());
    }

    [Test]
    public async Task Exchange_20_analysis_create()
    {
        var exchange = await Exchange.StubAsync(20);
        using var core = ContractClients.Core();

        var analysis = await core.CreateAnalysisAsync(new CreateAnalysis { ProjectId = ProjectId, Name = "hub14-analysis-093059" });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(analysis, exchange.Data);
        Assert.That(analysis.Id, Is.EqualTo(AnalysisId));
    }

    [Test]
    public async Task Exchange_21_analyses_filter_sort_page_limit()
    {
        var exchange = await Exchange.StubAsync(21);
        using var core = ContractClients.Core();

        var analyses = await core.FindAnalysesAsync(new FindOptions
        {
            Filter = { [AnalysisFields.ProjectId] = ProjectId },
            Sort = { "-" + AnalysisFields.CreatedAt },
            Page = new Page(Limit: 10),
            Include = { UseDefaults = false },
        });

        await exchange.AssertSentAsync(ContractClients.OffsetZero);
        ModelAssert.PopulatedList(analyses, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_22_analysis_get_include_project()
    {
        var exchange = await Exchange.StubAsync(22);
        using var core = ContractClients.Core();

        var analysis = await core.GetAnalysisAsync(AnalysisId, new FindOptions { Include = { "project" } });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(analysis, exchange.Data);
        Assert.That(analysis!.Project, Is.TypeOf<Project>());
    }

    [Test]
    public async Task Exchange_72_master_images_with_page_limit()
    {
        var exchange = await Exchange.StubAsync(72);
        using var core = ContractClients.Core();

        var images = await core.FindMasterImagesAsync(new FindOptions { Page = new Page(Limit: 5), Include = { UseDefaults = false } });

        await exchange.AssertSentAsync(ContractClients.OffsetZero);
        ModelAssert.PopulatedList(images, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_73_master_image_groups()
    {
        var exchange = await Exchange.StubAsync(73);
        using var core = ContractClients.Core();

        var groups = await core.GetMasterImageGroupsAsync();

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(groups, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_74_registry_create()
    {
        var exchange = await Exchange.StubAsync(74);
        using var core = ContractClients.Core();

        var registry = await core.CreateRegistryAsync(new CreateRegistry
        {
            Name = "hub14-registry-093059",
            Host = "registry.hub14.invalid",
            AccountName = "hub14",
            AccountSecret = "hub14-secret",
        });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(registry, exchange.Data);
        Assert.That(registry.Id, Is.EqualTo(RegistryId));
    }

    [Test]
    public async Task Exchange_75_registries_filter_name()
    {
        var exchange = await Exchange.StubAsync(75);
        using var core = ContractClients.Core();

        var registries = await core.FindRegistriesAsync(new FindOptions { Filter = { [RegistryFields.Name] = "hub14-registry-093059" }, Include = { UseDefaults = false } });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(registries, exchange.ResponseBody);
        Assert.That(registries.Single().AccountSecret, Is.Null, "accountSecret is not a default field");
    }

    [Test]
    public async Task Exchange_76_registry_delete()
    {
        var exchange = await Exchange.StubAsync(76);
        using var core = ContractClients.Core();

        await core.DeleteRegistryAsync(RegistryId);

        await exchange.AssertSentAsync();
    }

    [Test]
    public async Task Exchange_77_project_node_create()
    {
        var exchange = await Exchange.StubAsync(77);
        using var core = ContractClients.Core();

        var projectNode = await core.CreateProjectNodeAsync(new CreateProjectNode { ProjectId = ProjectId, NodeId = NodeAId });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(projectNode, exchange.Data);
    }

    [Test]
    public async Task Exchange_78_project_nodes_filter_include_node_project()
    {
        var exchange = await Exchange.StubAsync(78);
        using var core = ContractClients.Core();

        var projectNodes = await core.FindProjectNodesAsync(new FindOptions
        {
            Filter = { [ProjectNodeFields.ProjectId] = ProjectId },
            Include = { "node", "project" },
        });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(projectNodes, exchange.ResponseBody);
        Assert.That(projectNodes.Select(p => p.Node), Is.All.TypeOf<Node>());
    }

    [Test]
    public async Task Exchange_79_analysis_node_create_returns_analysis_and_node_typed()
    {
        var exchange = await Exchange.StubAsync(79);
        using var core = ContractClients.Core();

        var analysisNode = await core.CreateAnalysisNodeAsync(new CreateAnalysisNode { AnalysisId = AnalysisId, NodeId = NodeAId });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(analysisNode, exchange.Data);
        Assert.That(analysisNode.Analysis, Is.TypeOf<Analysis>());
    }

    [Test]
    public async Task Exchange_80_analysis_nodes_filter_include_analysis_node()
    {
        var exchange = await Exchange.StubAsync(80);
        using var core = ContractClients.Core();

        var analysisNodes = await core.FindAnalysisNodesAsync(new FindOptions
        {
            Filter = { [AnalysisNodeFields.AnalysisId] = AnalysisId },
            Include = { "analysis", "node" },
        });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(analysisNodes, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_81_analysis_buckets_filter()
    {
        var exchange = await Exchange.StubAsync(81);
        using var core = ContractClients.Core();

        var buckets = await core.FindAnalysisBucketsAsync(new FindOptions
        {
            Filter = { [AnalysisBucketFields.AnalysisId] = AnalysisId },
            Include = { UseDefaults = false },
        });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(buckets, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_82_analysis_logs_filter()
    {
        var exchange = await Exchange.StubAsync(82);
        using var core = ContractClients.Core();

        // The Hub requires filter[analysisId] here (400 without it), but a log record (Log) has no
        // analysisId field, so LogFields has no constant for it: the key is written out.
        var logs = await core.FindAnalysisLogsAsync(new FindOptions
        {
            Filter = { ["analysisId"] = AnalysisId },
            Include = { UseDefaults = false },
        });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(logs, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_83_analysis_command_refused_throws_400()
    {
        var exchange = await Exchange.StubAsync(83);
        using var core = ContractClients.Core();

        var error = Assert.ThrowsAsync<HubApiException>(() =>
            core.RunAnalysisCommandAsync(AnalysisId, new RunAnalysisCommandRequest { Command = AnalysisCommand.BuildStart }));

        await exchange.AssertSentAsync();
        exchange.AssertError(error);
        Assert.That(error!.Code, Is.EqualTo("ANALYSIS_ERROR"));
    }

    [Test]
    public async Task Exchange_93_analysis_delete()
    {
        var exchange = await Exchange.StubAsync(93);
        using var core = ContractClients.Core();

        await core.DeleteAnalysisAsync(AnalysisId);

        await exchange.AssertSentAsync();
    }

    [Test]
    public async Task Exchange_94_project_delete()
    {
        var exchange = await Exchange.StubAsync(94);
        using var core = ContractClients.Core();

        await core.DeleteProjectAsync(ProjectId);

        await exchange.AssertSentAsync();
    }
}
