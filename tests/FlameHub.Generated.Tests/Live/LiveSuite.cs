using FlameHub.Auth;
using FlameHub.Core;

namespace FlameHub.Generated.Tests.Live;

/// <summary>
/// A Live fixture's Hub for each test (<see cref="HubTarget"/>: a FakeHub, or the real Hub of
/// <c>FLAMEHUB_URL</c>), its admin's credential and clients of its services.
/// </summary>
public abstract class LiveSuite(string target)
{
    private HubTarget? _target;

    /// <summary>The Hub's gateway URL and its admin.</summary>
    internal LiveHub Hub { get; private set; } = null!;

    /// <summary>The admin's password credential.</summary>
    internal PasswordAuth Admin { get; private set; } = null!;

    [SetUp]
    public async Task StartHub()
    {
        _target = await HubTarget.StartAsync(target);
        Hub = _target.Hub;
        Admin = new PasswordAuth(Hub.User, Hub.Password, Service("auth"));
    }

    [TearDown]
    public async Task StopHub()
    {
        if (_target is not null) await _target.DisposeAsync();
    }

    /// <summary>The URL of one of the Hub's services, <c>auth</c>, <c>core</c> or <c>storage</c>.</summary>
    internal Uri Service(string name) => new(Hub.Url, name + "/");

    internal AuthClient Auth() => new(Service("auth"), Admin);

    internal CoreClient Core() => new(Service("core"), Admin);
}
