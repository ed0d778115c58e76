using FlameHub.Core;
using FlameHub.Testing;
using FlameHub.Testing.Model;

namespace FlameHub.Generated.Testing.Tests;

/// <summary>
/// The analysis commands through the real CoreClient: checked and applied by the release's rules
/// (fake.json <c>actions</c>), refused with the release's body.
/// </summary>
public sealed class ActionTests
{
    private static readonly ActionRules Rules = ActionRules.Read(EmbeddedData.Quirks("fake"), "core", "analyses", "command")!;

    [Test, CancelAfter(20_000)]
    public async Task Locking_an_analysis_with_one_node_is_refused_as_the_Hub_refuses_it()
    {
        using var hub = new FakeHub();
        using var core = new CoreClient(hub.CoreUrl, hub.Admin, hub.Handler);
        var analysis = await AnalysisAsync(core);
        await AddNodeAsync(core, analysis, "site-a", NodeType.Default);

        var refused = Assert.ThrowsAsync<HubApiException>(() => core.RunAnalysisCommandAsync(analysis.Id, new RunAnalysisCommandRequest { Command = AnalysisCommand.ConfigurationLock }));

        Assert.That(refused!.StatusCode, Is.EqualTo(400));
        Assert.That(refused.Code, Is.EqualTo(Rules.Refusal.Body["code"]!.GetValue<string>()));
        // hub-0.8.13 exchange 45 (one node of two needed); 0.14.0 wants an aggregator next to the default node (configurator.ts canLock).
        Assert.That(refused.HubMessage, Is.EqualTo(HubWire.Is014 ? "An aggregator node node must be selected." : "The analysis requires at least two nodes."));
        Assert.That((await core.GetAnalysisAsync(analysis.Id))!.ConfigurationLocked, Is.False, "a refused command changes nothing");
    }

    [Test, CancelAfter(20_000)]
    public async Task Starting_the_build_of_an_unlocked_analysis_is_refused_as_the_Hub_refuses_it()
    {
        using var hub = new FakeHub();
        using var core = new CoreClient(hub.CoreUrl, hub.Admin, hub.Handler);
        var analysis = await AnalysisAsync(core);

        var refused = Assert.ThrowsAsync<HubApiException>(() => core.RunAnalysisCommandAsync(analysis.Id, new RunAnalysisCommandRequest { Command = AnalysisCommand.BuildStart }));

        Assert.That(refused!.StatusCode, Is.EqualTo(400));
        // hub-0.14.0 exchange 83 (ANALYSIS_ERROR); 0.8.13's BadRequestError from helpers.ts BUILD_START.
        Assert.That((refused.Code, refused.HubMessage), Is.EqualTo(HubWire.Is014
            ? ("ANALYSIS_ERROR", "The analysis configuration is not locked.")
            : ("BAD_REQUEST", "The analysis configuration must be locked before starting the build.")));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_configured_analysis_locks_its_configuration_then_starts_its_build()
    {
        using var hub = new FakeHub();
        using var core = new CoreClient(hub.CoreUrl, hub.Admin, hub.Handler);
        // Enough for both releases' checks: an aggregator and a default node, a root code file, a master image.
        var analysis = await ConfiguredAnalysisAsync(core);

        var locked = await core.RunAnalysisCommandAsync(analysis.Id, new RunAnalysisCommandRequest { Command = AnalysisCommand.ConfigurationLock });
        Assert.That(locked.ConfigurationLocked, Is.True, "the command's answer is the changed analysis");
        Assert.That((await core.GetAnalysisAsync(analysis.Id))!.ConfigurationLocked, Is.True);

        var started = await core.RunAnalysisCommandAsync(analysis.Id, new RunAnalysisCommandRequest { Command = AnalysisCommand.BuildStart });
        Assert.That(started.BuildStatus, Is.EqualTo(AnalysisBuildStatus.Starting));
        var read = await core.GetAnalysisAsync(analysis.Id);
        Assert.That((read!.ConfigurationLocked, read.BuildStatus), Is.EqualTo((true, (AnalysisBuildStatus?)AnalysisBuildStatus.Starting)));

        // A build that is starting cannot start again (0.8.13 helpers.ts BUILD_START, 0.14.0 builder.ts canStart).
        var again = Assert.ThrowsAsync<HubApiException>(() => core.RunAnalysisCommandAsync(analysis.Id, new RunAnalysisCommandRequest { Command = AnalysisCommand.BuildStart }));
        Assert.That(again!.StatusCode, Is.EqualTo(400));
    }

    [Test, CancelAfter(20_000)]
    public async Task An_unknown_command_and_a_missing_analysis_are_answered_as_the_Hub_answers_them()
    {
        using var hub = new FakeHub();
        using var core = new CoreClient(hub.CoreUrl, hub.Admin, hub.Handler);
        var analysis = await AnalysisAsync(core);

        var unknown = Assert.ThrowsAsync<HubApiException>(() => core.RunAnalysisCommandAsync(analysis.Id, new RunAnalysisCommandRequest { Command = new AnalysisCommand("noSuchCommand") }));
        Assert.That(unknown!.StatusCode, Is.EqualTo(400));
        // 0.14.0: "Invalid command." (service.ts executeCommand); 0.8.13: the validator's 400 naming the attribute.
        Assert.That(unknown.HubMessage, HubWire.Is014 ? Is.EqualTo("Invalid command.") : Does.Contain("command"));

        var missing = Assert.ThrowsAsync<HubApiException>(() => core.RunAnalysisCommandAsync(Guid.NewGuid(), new RunAnalysisCommandRequest { Command = AnalysisCommand.ConfigurationLock }));
        Assert.That(missing!.StatusCode, Is.EqualTo(404));
    }

    [Test, CancelAfter(20_000)]
    public async Task Unlocking_a_locked_configuration_unlocks_it_and_a_second_unlock_is_refused()
    {
        using var hub = new FakeHub();
        using var core = new CoreClient(hub.CoreUrl, hub.Admin, hub.Handler);
        var analysis = await ConfiguredAnalysisAsync(core);
        await core.RunAnalysisCommandAsync(analysis.Id, new RunAnalysisCommandRequest { Command = AnalysisCommand.ConfigurationLock });

        var unlocked = await core.RunAnalysisCommandAsync(analysis.Id, new RunAnalysisCommandRequest { Command = AnalysisCommand.ConfigurationUnlock });

        Assert.That(unlocked.ConfigurationLocked, Is.False);
        var again = Assert.ThrowsAsync<HubApiException>(() => core.RunAnalysisCommandAsync(analysis.Id, new RunAnalysisCommandRequest { Command = AnalysisCommand.ConfigurationUnlock }));
        Assert.That(again!.HubMessage, Is.EqualTo("The analysis configuration is already unlocked."), "both releases' message");
    }

    [Test]
    public void Every_rule_names_a_command_of_the_document_and_fields_of_the_entities_it_reads()
    {
                var quirks = FakeQuirks.Load();
        var checkedRules = 0;
        foreach (var action in ServiceModel.Embedded.Values.SelectMany(s => s.Actions))
        {
            if (quirks.ActionRules(action) is not { } rules) continue;
            var entity = ServiceModel.Embedded[action.Service].Collections[action.Resource].Entity;
            Assert.That(action.Body?.ByName(rules.Selector)?.Enum, Is.Not.Null.And.SupersetOf(rules.Commands.Keys), $"{action.Resource}/{action.Segment}: commands of the document");
            foreach (var (name, command) in rules.Commands)
            {
                Assert.That(command.Set.Select(f => f.Key), Is.SubsetOf(entity.Properties.Select(p => p.Name)), $"{name} sets fields of the entity");
                foreach (var check in command.Checks)
                {
                    if (check.Field is { } field) Assert.That(entity.ByName(field), Is.Not.Null, $"{name} reads {field}");
                    if (check.Count is not { } counted) continue;
                    var related = ServiceModel.Embedded[action.Service].Collections[counted].Entity;
                    Assert.That(related.ByName(check.By!), Is.Not.Null, $"{name} counts {counted} by {check.By}");
                    foreach (var path in check.Where.Keys)
                    {
                        var first = path.Split('.')[0];
                        Assert.That(related.ByName(first), Is.Not.Null, $"{name} filters {counted} on {path}");
                    }
                }
                checkedRules++;
            }
        }
        Assert.That(checkedRules, Is.GreaterThanOrEqualTo(4), "the release's analysis commands have rules");
    }

    private static async Task<Analysis> ConfiguredAnalysisAsync(CoreClient core)
    {
        var analysis = await AnalysisAsync(core);
        await AddNodeAsync(core, analysis, "aggregator", NodeType.Aggregator);
        await AddNodeAsync(core, analysis, "site-a", NodeType.Default);
        await core.CreateAnalysisBucketFileAsync(new CreateAnalysisBucketFile { AnalysisId = analysis.Id, Root = true });
        await core.UpdateAnalysisAsync(analysis.Id, new UpdateAnalysis { MasterImageId = Guid.NewGuid() });
        return analysis;
    }

    private static async Task<Analysis> AnalysisAsync(CoreClient core)
    {
        var project = await core.CreateProjectAsync(new CreateProject { Name = "study" });
        return await core.CreateAnalysisAsync(new CreateAnalysis { Name = "analysis", ProjectId = project.Id });
    }

    private static async Task AddNodeAsync(CoreClient core, Analysis analysis, string name, NodeType type)
    {
        var node = await core.CreateNodeAsync(new CreateNode { Name = name, Type = type });
        await core.CreateAnalysisNodeAsync(new CreateAnalysisNode { AnalysisId = analysis.Id, NodeId = node.Id });
    }
}
