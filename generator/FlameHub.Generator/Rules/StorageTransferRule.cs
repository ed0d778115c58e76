using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// Storage moves files, not JSON: <c>POST /{collection}/{id}/upload</c> takes
/// <c>multipart/form-data</c> (one part per file; the part's filename is the stored path) and
/// answers 201 with the list envelope of the stored files (unwrapped as <see cref="ListEnvelopeRule"/> does);
/// <c>GET …/stream</c> answers raw bytes
/// (a file's own bytes labelled <c>application/gzip</c>, or a tar of a bucket). Both are marked
/// <c>x-flamehub-transfer</c> (<c>upload</c>, <c>download</c>) for the client templates; an upload
/// also names the schema of the stored files in <c>x-flamehub-item-schema</c>.
/// </summary>
public sealed class StorageTransferRule : INormalizationRule
{
    public const string TransferExtension = "x-flamehub-transfer";
    public const string ItemSchemaExtension = "x-flamehub-item-schema";

    public void Apply(NormalizationContext context)
    {
        foreach (var op in context.Operations.Where(o => o.Shape.Kind == OperationKind.Action && o.Shape.Rest.Count == 1))
        {
            switch (op.Method, op.Shape.Rest[0])
            {
                case ("post", "upload"):
                    MakeUpload(context, op);
                    break;
                case ("get", "stream"):
                    op.Node[TransferExtension] = "download";
                    op.Node["responses"] = new JsonObject
                    {
                        ["200"] = new JsonObject
                        {
                            ["description"] = "The raw bytes.",
                            ["content"] = new JsonObject
                            {
                                ["application/octet-stream"] = new JsonObject
                                {
                                    ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "binary" },
                                },
                            },
                        },
                    };
                    break;
            }
        }
    }

    private static void MakeUpload(NormalizationContext context, Operation op)
    {
        op.Node[TransferExtension] = "upload";
        op.Node["requestBody"] = new JsonObject
        {
            ["required"] = true,
            ["content"] = new JsonObject
            {
                ["multipart/form-data"] = new JsonObject
                {
                    ["schema"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject
                        {
                            ["files"] = new JsonObject
                            {
                                ["type"] = "array",
                                ["items"] = new JsonObject { ["type"] = "string", ["format"] = "binary" },
                            },
                        },
                    },
                },
            },
        };
        if (OpenApiJson.SuccessResponse(op.Node) is not { } success) return;
        var items = ListEnvelopeRule.ItemsOf(context, OpenApiJson.JsonContentSchema(success.Response));
        var response = (JsonObject)success.Response.DeepClone();
        if (OpenApiJson.RefName(items) is { } itemSchema) op.Node[ItemSchemaExtension] = itemSchema;
        if (items is not null) ListEnvelopeRule.Unwrap(op, response, items);
        op.Node["responses"] = new JsonObject { ["201"] = response };
    }
}
