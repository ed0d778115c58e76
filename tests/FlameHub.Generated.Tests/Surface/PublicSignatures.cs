using System.Reflection;

namespace FlameHub.Generated.Tests.Surface;

/// <summary>
/// What an assembly shows another assembly: its visible types, and every type a visible signature
/// names (base types, interfaces, members' types and parameters, generic arguments and constraints).
/// </summary>
internal sealed class PublicSignatures
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>The types whose protected members outside code reaches: those it can derive from, and their base types.</summary>
    private readonly HashSet<Type> _extendable = [];

    public PublicSignatures(Assembly assembly)
    {
        VisibleTypes = assembly.GetTypes().Where(IsVisible).ToList();
        foreach (var type in VisibleTypes.Where(t => !t.IsSealed && HasOutsideConstructor(t)))
        {
            for (var current = type; current is not null; current = current.BaseType) _extendable.Add(current);
        }
    }

    /// <summary>The types code outside the assembly can name.</summary>
    public IReadOnlyList<Type> VisibleTypes { get; }

    /// <summary>Every (where, type) pair of the visible types' signatures.</summary>
    public IEnumerable<(string Where, Type Named)> AllMentions() => VisibleTypes.SelectMany(Mentions);

    /// <summary>Each (where, type) pair of a type that a visible signature of <paramref name="type"/> names, generic arguments included.</summary>
    public IEnumerable<(string Where, Type Named)> Mentions(Type type)
    {
        var roots = new List<(string, Type)>();
        if (type.BaseType is { } baseType) roots.Add(("base type", baseType));
        roots.AddRange(type.GetInterfaces().Where(IsVisible).Select(i => ("interface", i)));
        if (type.IsGenericTypeDefinition) roots.AddRange(type.GetGenericArguments().Select(a => ("type parameter " + a.Name, a)));
        foreach (var member in type.GetMembers(Declared).Where(m => IsVisible(type, m)))
        {
            var where = member.Name;
            switch (member)
            {
                case FieldInfo field:
                    roots.Add((where, field.FieldType));
                    break;
                case PropertyInfo property:
                    roots.Add((where, property.PropertyType));
                    roots.AddRange(property.GetIndexParameters().Select(p => (where + " index", p.ParameterType)));
                    break;
                case EventInfo @event when @event.EventHandlerType is { } handler:
                    roots.Add((where, handler));
                    break;
                case MethodBase method:
                    if (method is MethodInfo info)
                    {
                        roots.Add((where + " return", info.ReturnType));
                        if (info.IsGenericMethodDefinition) roots.AddRange(info.GetGenericArguments().Select(a => (where + " type parameter", a)));
                    }
                    roots.AddRange(method.GetParameters().Select(p => (where + " parameter " + p.Name, p.ParameterType)));
                    break;
            }
        }
        foreach (var (where, root) in roots)
        {
            foreach (var named in Expand(root, [])) yield return ($"{type.FullName}: {where}", named);
        }
    }

    /// <summary>Whether outside code can see <paramref name="member"/> of <paramref name="type"/> (public, or protected on a type it can derive from).</summary>
    private bool IsVisible(Type type, MemberInfo member)
    {
        var family = _extendable.Contains(type);
        return member switch
        {
            FieldInfo f => f.IsPublic || (family && (f.IsFamily || f.IsFamilyOrAssembly)),
            MethodBase m => m.IsPublic || (family && (m.IsFamily || m.IsFamilyOrAssembly)),
            PropertyInfo p => p.GetAccessors(nonPublic: true).Any(a => IsVisible(type, a)),
            EventInfo e => e.AddMethod is { } add && IsVisible(type, add),
            Type nested => IsVisible(nested),
            _ => false,
        };
    }

    /// <summary>Whether code outside the assembly can derive from <paramref name="type"/>: it has a public or protected constructor.</summary>
    public static bool HasOutsideConstructor(Type type) =>
        type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Any(c => c.IsPublic || c.IsFamily || c.IsFamilyOrAssembly);

    private static bool IsVisible(Type type) =>
        type.IsPublic || (type.IsNested && (type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamORAssem) && IsVisible(type.DeclaringType!));

    private static IEnumerable<Type> Expand(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type)) yield break;
        if (type.HasElementType)
        {
            foreach (var inner in Expand(type.GetElementType()!, seen)) yield return inner;
            yield break;
        }
        if (type.IsGenericParameter)
        {
            foreach (var constraint in type.GetGenericParameterConstraints())
            {
                foreach (var inner in Expand(constraint, seen)) yield return inner;
            }
            yield break;
        }
        yield return type;
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                foreach (var inner in Expand(argument, seen)) yield return inner;
            }
        }
    }
}
