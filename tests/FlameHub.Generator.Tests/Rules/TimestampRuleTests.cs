using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class TimestampRuleTests
{
    private const string Document = """
        { "components": { "schemas": { "Client": { "type": "object", "properties": {
          "created_at": { "type": "object", "nullable": true, "readOnly": true },
          "updated_at": { "type": "string", "description": "Last change." },
          "reset_at": { "type": "string", "nullable": true },
          "expires_at": { "type": "string", "format": "date-time" },
          "claims_at": { "type": "integer" },
          "meta_at": { "type": "object", "properties": { "x": { "type": "string" } } },
          "chat": { "type": "string" },
          "at": { "type": "string" },
          "seenAt": { "type": "string" },
          "uploaded_at_key": { "type": "string" }
        } } } } }
        """;

    [Test]
    public void StringsAndDateObjectsNamedAfterAMomentBecomeDateTimes()
    {
        var client = Apply<TimestampRule>(Document).Schema("Client");

        AssertJson(client.At("properties.created_at"), """{ "type": "string", "format": "date-time", "nullable": true, "readOnly": true }""");
        AssertJson(client.At("properties.updated_at"), """{ "type": "string", "format": "date-time", "description": "Last change." }""");
        AssertJson(client.At("properties.reset_at"), """{ "type": "string", "format": "date-time", "nullable": true }""");
        AssertJson(client.At("properties.expires_at"), """{ "type": "string", "format": "date-time" }""");
    }

    [Test]
    public void NumbersObjectsWithFieldsAndOtherNamesAreLeftAlone()
    {
        var client = Apply<TimestampRule>(Document).Schema("Client");

        AssertJson(client.At("properties.claims_at"), """{ "type": "integer" }""");
        Assert.That(client.Text("properties.meta_at.type"), Is.EqualTo("object"));
        foreach (var name in new[] { "chat", "at", "uploaded_at_key" })
        {
            AssertJson(client.At("properties." + name), """{ "type": "string" }""");
        }
    }

    [Test]
    public void OnlyNamesInTheDocumentsStyleCount()
    {
        var snake = Apply<TimestampRule>(Document).Schema("Client");
        var camel = Apply<TimestampRule>(Document.Replace("created_at", "createdAt", StringComparison.Ordinal)
            .Replace("updated_at", "updatedAt", StringComparison.Ordinal).Replace("reset_at", "resetAt", StringComparison.Ordinal)
            .Replace("expires_at", "expiresAt", StringComparison.Ordinal)).Schema("Client");

        Assert.That(snake.At("properties.seenAt.format"), Is.Null, "camelCase in a snake_case document");
        Assert.That(camel.Text("properties.seenAt.format"), Is.EqualTo("date-time"));
        Assert.That(camel.Text("properties.createdAt.format"), Is.EqualTo("date-time"));
    }
}
