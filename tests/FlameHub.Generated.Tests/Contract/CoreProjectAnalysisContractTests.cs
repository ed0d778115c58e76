using FlameHub.Core;

namespace FlameHub.Generated.Tests.Contract;

/// <summary>Master images, projects, project nodes, analyses and their nodes, buckets and logs on the core service, against the recorded exchanges.</summary>
public class CoreProjectAnalysisContractTests
{
    private static readonly Guid ProjectId = Guid.Parse("668eb11c-89ca-482e-b157-839f3d314a83");
    private static readonly Guid AggregatorId = Guid.Parse("b8d20b46-43f7-4ac2-8d05-f56d28386886");
    private static readonly Guid AnalysisId = Guid.Parse("e82a6bfd-3b9e-497c-9fcc-68973804bc15");

    [SetUp]
    public Task Reset() => WireMockFixture.Server.ResetAsync();

    [Test]
    public async Task Exchange_35_master_images_with_page_limit()
    {
        var exchange = await Exchange.StubAsync(35);
        using var core = ContractClients.Core();

        // Master images have no includable relation, so the default sends no include.
        var images = await core.FindMasterImagesAsync(new FindOptions { Page = new Page(Limit: 5) });

        // Recorded with page[limit] only; Page always sends page[offset] too, here 0.
        await exchange.AssertSentAsync(ContractClients.OffsetZero);
        ModelAssert.PopulatedList(images, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_36_master_image_groups()
    {
        var exchange = await Exchange.StubAsync(36);
        using var core = ContractClients.Core();

        var groups = await core.GetMasterImageGroupsAsync();

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(groups, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_37_project_create()
    {
        var exchange = await Exchange.StubAsync(37);
        using var core = ContractClients.Core();

        var project = await core.CreateProjectAsync(new CreateProject { Name = "project-a95747", Description = "example" });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(project, exchange.ResponseBody);
        Assert.That(project.Id, Is.EqualTo(ProjectId));
    }

    [Test]
    public async Task Exchange_38_project_node_create_returns_project_and_node_typed()
    {
        var exchange = await Exchange.StubAsync(38);
        using var core = ContractClients.Core();

        var projectNode = await core.CreateProjectNodeAsync(new CreateProjectNode { ProjectId = ProjectId, NodeId = AggregatorId });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(projectNode, exchange.ResponseBody);
        Assert.That(projectNode.ApprovalStatus, Is.EqualTo(ProjectNodeApprovalStatus.Approved));
    }

    [Test]
    public async Task Exchange_39_project_nodes_filter_include_node_project()
    {
        var exchange = await Exchange.StubAsync(39);
        using var core = ContractClients.Core();

        // Recorded as include=node,project; the defaults name the same relations the other way round.
        var projectNodes = await core.FindProjectNodesAsync(new FindOptions
        {
            Filter = { [ProjectNodeFields.ProjectId] = ProjectId },
            Include = { "node", "project" },
        });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(projectNodes, exchange.ResponseBody);
        Assert.That(projectNodes.Single().Node, Is.TypeOf<Node>());
        Assert.That(projectNodes.Single().Project, Is.TypeOf<Project>());
    }

    [Test]
    public async Task Exchange_40_analysis_create()
    {
        var exchange = await Exchange.StubAsync(40);
        using var core = ContractClients.Core();

        var analysis = await core.CreateAnalysisAsync(new CreateAnalysis { ProjectId = ProjectId, Name = "analysis-a95747" });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(analysis, exchange.ResponseBody);
        Assert.That(analysis.Project!.Name, Is.EqualTo("project-a95747"));
    }

    [Test]
    public async Task Exchange_41_analysis_get_include_project_master_image()
    {
        var exchange = await Exchange.StubAsync(41);
        using var core = ContractClients.Core();

        var analysis = await core.GetAnalysisAsync(AnalysisId, new FindOptions { Include = { "project", "master_image" } });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(analysis, exchange.ResponseBody);
        Assert.That(analysis!.Project, Is.TypeOf<Project>());
    }

    [Test]
    public async Task Exchange_42_analysis_node_create_returns_analysis_and_node_typed()
    {
        var exchange = await Exchange.StubAsync(42);
        using var core = ContractClients.Core();

        var analysisNode = await core.CreateAnalysisNodeAsync(new CreateAnalysisNode { AnalysisId = AnalysisId, NodeId = AggregatorId });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(analysisNode, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_43_analysis_nodes_filter_include_analysis_node()
    {
        var exchange = await Exchange.StubAsync(43);
        using var core = ContractClients.Core();

        // No Include given: the defaults are exactly the recorded include=analysis,node.
        var analysisNodes = await core.FindAnalysisNodesAsync(new FindOptions { Filter = { [AnalysisNodeFields.AnalysisId] = AnalysisId } });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(analysisNodes, exchange.ResponseBody);
        Assert.That(analysisNodes.Single().Analysis, Is.TypeOf<Analysis>());
    }

    [Test]
    public async Task Exchange_44_analysis_buckets_filter()
    {
        var exchange = await Exchange.StubAsync(44);
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
    public async Task Exchange_45_analysis_command_refused_throws_400()
    {
        var exchange = await Exchange.StubAsync(45);
        using var core = ContractClients.Core();

        var error = Assert.ThrowsAsync<HubApiException>(() =>
            core.RunAnalysisCommandAsync(AnalysisId, new RunAnalysisCommandRequest { Command = AnalysisCommand.ConfigurationLock }));

        await exchange.AssertSentAsync();
        exchange.AssertError(error);
    }

    [Test]
    public async Task Exchange_46_analysis_logs_filter()
    {
        var exchange = await Exchange.StubAsync(46);
        using var core = ContractClients.Core();

        var logs = await core.FindAnalysisLogsAsync(new FindOptions
        {
            Filter = { [LogFields.AnalysisId] = AnalysisId },
            Include = { UseDefaults = false },
        });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(logs, exchange.ResponseBody);
    }
}
