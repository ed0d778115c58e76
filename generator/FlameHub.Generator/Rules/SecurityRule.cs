using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// The documents say <c>security: []</c> everywhere, yet everything but the status at
/// <c>GET /</c> needs a bearer token. Core and storage also take Basic credentials when their
/// document declares a Basic scheme, unless the release's quirks set
/// <c>info.x-flamehub-basic-auth: false</c> with their evidence (Hub 0.14.0's core refuses Basic).
/// An operation a rule already declared open (the token endpoint) stays open.
/// </summary>
public sealed class SecurityRule : INormalizationRule
{
    public void Apply(NormalizationContext context)
    {
        var components = (JsonObject)context.Document["components"]!;
        var declaresBasic = (components["securitySchemes"] as JsonObject ?? [])
            .Any(s => s.Value?["type"]?.GetValue<string>() == "http" && string.Equals(s.Value["scheme"]?.GetValue<string>(), "basic", StringComparison.OrdinalIgnoreCase));
        var schemes = new JsonObject
        {
            ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" },
        };
        var requirements = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() });
        if (context.Service != Import.HubService.Auth && declaresBasic && context.Document["info"]?["x-flamehub-basic-auth"]?.GetValue<bool>() != false)
        {
            schemes["basic"] = new JsonObject { ["type"] = "http", ["scheme"] = "basic" };
            requirements.Add(new JsonObject { ["basic"] = new JsonArray() });
        }
        components["securitySchemes"] = schemes;
        context.Document["security"] = requirements;

        foreach (var op in context.Operations)
        {
            var declaredOpen = op.Node["x-flamehub-kind"]?.GetValue<string>() == "token";
            if (op.Shape.Kind == OperationKind.Root || declaredOpen) op.Node["security"] = new JsonArray();
            else op.Node.Remove("security");
        }
    }
}
