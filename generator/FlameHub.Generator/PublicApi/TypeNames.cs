namespace FlameHub.Generator.PublicApi;

/// <summary>C#-like names for metadata types: <c>System.Threading.Tasks.Task&lt;FlameHub.Core.Node&gt;</c>.</summary>
internal static class TypeNames
{
    /// <summary>The name, with <c>?</c> on reference types that <paramref name="nullability"/> says may be null.</summary>
    public static string Of(Type type, System.Reflection.NullabilityInfo? nullability)
    {
        if (nullability is null) return Of(type);
        var mark = !type.IsValueType && nullability.ReadState == System.Reflection.NullabilityState.Nullable ? "?" : "";
        if (type.IsArray) return Of(type.GetElementType()!, nullability.ElementType) + "[" + new string(',', type.GetArrayRank() - 1) + "]" + mark;
        if (!type.IsGenericType || type.IsGenericParameter || type.GetGenericTypeDefinition().FullName == "System.Nullable`1") return Of(type) + mark;
        var name = Of(type);
        var open = name.IndexOf('<', StringComparison.Ordinal);
        if (open < 0) return name + mark;
        var arguments = type.GetGenericArguments();
        var infos = nullability.GenericTypeArguments;
        var parts = arguments.Select((a, i) => Of(a, i < infos.Length ? infos[i] : null));
        return name[..open] + "<" + string.Join(", ", parts) + ">" + mark;
    }

    public static string Of(Type type)
    {
        if (type.IsGenericParameter) return type.Name;
        if (type.IsArray) return Of(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        if (type.IsPointer) return Of(type.GetElementType()!) + "*";
        if (type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1") return Of(type.GetGenericArguments()[0]) + "?";
        var name = type.IsNested ? Of(type.DeclaringType!) + "." + type.Name : (type.Namespace is { } ns ? ns + "." : "") + type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0) name = name[..tick];
        if (!type.IsGenericType) return name;
        var arguments = type.GetGenericArguments();
        if (type.IsNested && type.DeclaringType!.IsGenericType)
        {
            arguments = arguments.Skip(type.DeclaringType.GetGenericArguments().Length).ToArray();
            if (arguments.Length == 0) return name;
        }
        return name + "<" + string.Join(", ", arguments.Select(Of)) + ">";
    }
}
