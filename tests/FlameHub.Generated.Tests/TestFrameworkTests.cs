namespace FlameHub.Generated.Tests;

/// <summary>
/// Each run really is on its framework: the net8.0 run carries its own .NET 8 runtime
/// (self-contained) instead of rolling forward to the SDK's .NET 10, and tests the library's
/// net8.0 build, so the library's net8.0 code runs for real.
/// </summary>
public sealed class TestFrameworkTests
{
    [Test]
    public void The_runtime_is_the_one_of_the_framework_the_tests_were_built_for() =>
        Assert.That((Environment.Version.Major, Environment.Version.Minor),
            Is.EqualTo((TestFramework.Built.Version.Major, TestFramework.Built.Version.Minor)), TestFramework.Built.ToString());

    [Test]
    public void The_library_under_test_is_its_build_for_the_same_framework() =>
        Assert.That(TestFramework.Of(typeof(HubClientOptions).Assembly), Is.EqualTo(TestFramework.Built));
}
