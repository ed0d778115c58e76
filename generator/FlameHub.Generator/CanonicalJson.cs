using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlameHub.Generator;

/// <summary>
/// One stable text form for documents, so that a re-import of the same Hub gives the same bytes
/// and a Hub bump gives a readable diff.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Sorts object keys ordinally, except the members of a schema's <c>properties</c>, whose
    /// order is the entity's declaration order and becomes the generated class's member order.
    /// </summary>
    public static JsonNode? Sort(JsonNode? node, bool keepOrder = false)
    {
        switch (node)
        {
            case JsonObject obj:
                var members = obj.Select(p => (p.Key, Value: p.Value)).ToList();
                if (!keepOrder) members.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
                var sorted = new JsonObject();
                foreach (var (key, value) in members)
                {
                    sorted[key] = Sort(value?.DeepClone(), keepOrder: key == "properties" && !keepOrder);
                }
                return sorted;
            case JsonArray array:
                return new JsonArray(array.Select(item => Sort(item?.DeepClone())).ToArray());
            default:
                return node?.DeepClone();
        }
    }

    public static string Write(JsonNode node) => node.ToJsonString(Options) + "\n";

    /// <summary>Writes the file only when its content changes, so unchanged outputs keep their timestamps.</summary>
    public static bool WriteIfChanged(string path, string content)
    {
        if (File.Exists(path) && File.ReadAllText(path) == content) return false;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, content);
        File.Move(temp, path, overwrite: true);
        return true;
    }
}
