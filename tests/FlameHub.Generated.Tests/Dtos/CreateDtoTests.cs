using FlameHub.Auth;
using FlameHub.Core;

namespace FlameHub.Generated.Tests.Dtos;

/// <summary>A create sends what was set, and fails before any request when a required field is missing.</summary>
public class CreateDtoTests
{
    [Test]
    public void A_missing_required_field_fails_validation_naming_it()
    {
        var create = new CreateNode { Hidden = true };

        var exception = Assert.Throws<ArgumentException>(create.Validate)!;

        Assert.That(exception.Message, Does.Contain("CreateNode.Name").And.Contain("'name'"));
        Assert.That(exception.ParamName, Is.EqualTo(nameof(CreateNode.Name)));
    }

    [Test]
    public void A_required_field_set_to_null_fails_validation_when_null_is_not_allowed() =>
        Assert.That(() => new CreateNode { Name = null! }.Validate(),
            Throws.ArgumentException.With.Message.Contains("must not be null"));

    [Test]
    public void Validation_passes_when_the_required_fields_are_set() =>
        Assert.That(() => new CreateNode { Name = "node-a" }.Validate(), Throws.Nothing);

    [Test]
    public void Unset_optional_fields_are_not_sent_not_even_as_null()
    {
        var create = new CreateNode { Name = "node-a", RealmId = Guid.Parse("170b4592-4913-44db-9edf-6cb7fb9595d5") };

        Assert.That(ClientJson.Serialize(create), Is.EqualTo("""{"name":"node-a","realm_id":"170b4592-4913-44db-9edf-6cb7fb9595d5"}"""));
    }

    [Test]
    public void An_optional_field_set_to_null_is_sent_as_null() =>
        Assert.That(ClientJson.Serialize(new CreateNode { Name = "node-a", ExternalName = null }),
            Is.EqualTo("""{"name":"node-a","external_name":null}"""));

    [Test]
    public void Every_create_body_is_validatable()
    {
        var creates = typeof(CreateNode).Assembly.GetExportedTypes()
            .Where(t => t.Name.StartsWith("Create", StringComparison.Ordinal) && t.IsClass && t.Namespace != "FlameHub")
            .ToList();

        Assert.That(creates, Is.Not.Empty);
        Assert.That(creates.Where(t => !typeof(IValidatable).IsAssignableFrom(t) || !t.IsSubclassOf(typeof(UnsetTracking))), Is.Empty);
    }

    [Test]
    public void Auth_creates_validate_too() =>
        Assert.That(() => new CreateRealm().Validate(), Throws.ArgumentException.With.Message.Contains("'name'"));
}
