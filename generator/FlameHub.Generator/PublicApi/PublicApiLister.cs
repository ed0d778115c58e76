using System.Reflection;

namespace FlameHub.Generator.PublicApi;

/// <summary>
/// Lists an assembly's public surface, one sorted line per type and member, read from metadata
/// only (nothing is loaded to run), so that every change to it shows in a reviewable diff.
/// </summary>
public static class PublicApiLister
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<string> List(string assemblyPath, IEnumerable<string> referencePaths)
    {
        var paths = referencePaths.Append(assemblyPath).Append(typeof(object).Assembly.Location)
            .Where(File.Exists).GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase).Select(g => g.First());
        using var context = new MetadataLoadContext(new PathAssemblyResolver(paths));
        var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(assemblyPath));
        var lines = new List<string>();
        foreach (var type in assembly.GetTypes().Where(IsVisible))
        {
            lines.Add(TypeLine(type));
            foreach (var member in type.GetMembers(Declared).Where(m => IsVisible(m, type)))
            {
                if (MemberLine(type, member) is { } line) lines.Add(line);
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static bool IsVisible(Type type) =>
        type.IsPublic || (type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamORAssem) && IsVisible(type.DeclaringType!);

    private static bool IsVisible(MemberInfo member, Type owner)
    {
        var sealedType = owner.IsSealed;
        return member switch
        {
            MethodBase m => (m.IsPublic || (!sealedType && (m.IsFamily || m.IsFamilyOrAssembly))) && !IsAccessor(m),
            FieldInfo f => f.IsPublic || (!sealedType && (f.IsFamily || f.IsFamilyOrAssembly)),
            PropertyInfo p => p.GetAccessors(true).Any(a => IsVisible(a, owner) || a.IsPublic),
            EventInfo e => e.AddMethod is { } add && (add.IsPublic || (!sealedType && add.IsFamily)),
            _ => false,
        };
    }

    private static bool IsAccessor(MethodBase method) => method.IsSpecialName && (method.Name.StartsWith("get_", StringComparison.Ordinal)
        || method.Name.StartsWith("set_", StringComparison.Ordinal) || method.Name.StartsWith("add_", StringComparison.Ordinal)
        || method.Name.StartsWith("remove_", StringComparison.Ordinal));

    private static string TypeLine(Type type)
    {
        var kind = type.IsInterface ? "interface" : type.IsEnum ? "enum" : type.IsValueType ? "struct"
            : type.BaseType?.FullName == "System.MulticastDelegate" ? "delegate" : type.IsAbstract && type.IsSealed ? "static class"
            : type.IsAbstract ? "abstract class" : type.IsSealed ? "sealed class" : "class";
        var bases = new List<string>();
        if (type.BaseType is { } b && b.FullName is not ("System.Object" or "System.ValueType" or "System.Enum" or "System.MulticastDelegate")) bases.Add(TypeNames.Of(b));
        if (!type.IsEnum) bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Select(TypeNames.Of).Order(StringComparer.Ordinal));
        return $"{TypeNames.Of(type)} {kind}" + (bases.Count > 0 ? " : " + string.Join(", ", bases) : "");
    }

    private static readonly NullabilityInfoContext Nullability = new();

    private static NullabilityInfo? NullabilityOf(Func<NullabilityInfo> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static string? MemberLine(Type owner, MemberInfo member)
    {
        var prefix = TypeNames.Of(owner) + ".";
        return member switch
        {
            ConstructorInfo c => $"{prefix}ctor({Parameters(c)})" + Access(c),
            MethodInfo m => $"{prefix}{m.Name}{Generics(m)}({Parameters(m)}) -> {TypeNames.Of(m.ReturnType, NullabilityOf(() => Nullability.Create(m.ReturnParameter)))}" + Modifiers(m) + Access(m),
            PropertyInfo p => $"{prefix}{p.Name}{Indexer(p)} : {TypeNames.Of(p.PropertyType, NullabilityOf(() => Nullability.Create(p)))} {{ {Accessors(p, owner)}}}",
            FieldInfo f when owner.IsEnum && f.IsStatic => $"{prefix}{f.Name} = {f.GetRawConstantValue()}",
            FieldInfo f when owner.IsEnum => null,
            FieldInfo f => $"{prefix}{f.Name} : {TypeNames.Of(f.FieldType, NullabilityOf(() => Nullability.Create(f)))}" + (f.IsLiteral ? $" = {Literal(f.GetRawConstantValue())}" : f.IsInitOnly ? " readonly" : "") + (f.IsStatic && !f.IsLiteral ? " static" : "") + Access(f),
            EventInfo e => $"{prefix}{e.Name} : event {TypeNames.Of(e.EventHandlerType!)}",
            _ => null,
        };
    }

    private static string Parameters(MethodBase method) => string.Join(", ", method.GetParameters().Select(p =>
        (p.ParameterType.IsByRef ? (p.IsOut ? "out " : "ref ") : "")
        + (p.ParameterType.IsByRef ? TypeNames.Of(p.ParameterType.GetElementType()!) : TypeNames.Of(p.ParameterType, NullabilityOf(() => Nullability.Create(p))))
        + " " + p.Name + (p.HasDefaultValue ? " = " + (p.RawDefaultValue is null && p.ParameterType.IsValueType ? "default" : Literal(p.RawDefaultValue)) : "")));

    private static string Generics(MethodInfo method) =>
        method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : "";

    private static string Indexer(PropertyInfo property) =>
        property.GetIndexParameters() is { Length: > 0 } index ? "[" + string.Join(", ", index.Select(p => TypeNames.Of(p.ParameterType))) + "]" : "";

    private static string Accessors(PropertyInfo property, Type owner)
    {
        var text = "";
        if (property.GetMethod is { } get && (get.IsPublic || (!owner.IsSealed && get.IsFamily))) text += (get.IsPublic ? "" : "protected ") + "get; ";
        if (property.SetMethod is { } set && (set.IsPublic || (!owner.IsSealed && set.IsFamily)))
        {
            var init = set.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit");
            text += (set.IsPublic ? "" : "protected ") + (init ? "init; " : "set; ");
        }
        return text;
    }

    private static string Modifiers(MethodInfo method) =>
        method.IsStatic ? " static" : method.IsAbstract ? " abstract" : method.IsVirtual && !method.IsFinal ? " virtual" : "";

    private static string Access(MethodBase method) => method.IsPublic ? "" : " protected";

    private static string Access(FieldInfo field) => field.IsPublic ? "" : " protected";

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        DBNull or Missing => "default",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
