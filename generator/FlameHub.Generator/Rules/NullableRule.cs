using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// Swagger 2.0's vendor <c>x-nullable</c> becomes OpenAPI 3.0's <c>nullable</c> wherever the
/// converter left it, and a nullable <c>$ref</c> takes the <c>allOf</c> form, because OpenAPI
/// 3.0 ignores the siblings of a <c>$ref</c>.
/// </summary>
public sealed class NullableRule : INormalizationRule
{
    public void Apply(NormalizationContext context)
    {
        foreach (var schema in OpenApiJson.Descendants(context.Document).OfType<JsonObject>().ToList())
        {
            if (schema.ContainsKey("x-nullable"))
            {
                if (schema["x-nullable"]?.GetValue<bool>() == true) schema["nullable"] = true;
                schema.Remove("x-nullable");
            }
            if (schema["nullable"]?.GetValue<bool>() == true && OpenApiJson.RefName(schema) is { } target)
            {
                schema.Remove("$ref");
                schema["allOf"] = new JsonArray(OpenApiJson.Ref(target));
            }
        }
    }
}
