using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>Declares every <c>{name}</c> of a path that its operation forgot to declare.</summary>
public sealed class PathParameterRule : INormalizationRule
{
    public void Apply(NormalizationContext context)
    {
        foreach (var op in context.Operations)
        {
            var parameters = op.Node["parameters"] as JsonArray ?? (JsonArray)(op.Node["parameters"] = new JsonArray());
            var declared = parameters.OfType<JsonObject>()
                .Where(p => p["in"]?.GetValue<string>() == "path")
                .Select(p => p["name"]!.GetValue<string>())
                .ToHashSet(StringComparer.Ordinal);
            var position = 0;
            foreach (var name in op.Path.Split('/').Where(OperationShape.IsParameter).Select(s => s[1..^1]))
            {
                if (declared.Contains(name)) continue;
                parameters.Insert(position++, new JsonObject
                {
                    ["name"] = name,
                    ["in"] = "path",
                    ["required"] = true,
                    ["schema"] = new JsonObject { ["type"] = "string" },
                });
            }
            if (parameters.Count == 0) op.Node.Remove("parameters");
        }
    }
}
