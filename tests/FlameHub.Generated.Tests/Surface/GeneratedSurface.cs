using System.Reflection;
using FlameHub.Auth;
using FlameHub.Core;
using FlameHub.Storage;

namespace FlameHub.Generated.Tests.Surface;

/// <summary>The generated part of the built assembly, as a user sees it through reflection.</summary>
internal static class GeneratedSurface
{
    public static readonly string[] Namespaces = ["FlameHub.Auth", "FlameHub.Core", "FlameHub.Storage"];

    public static readonly Type[] Clients = [typeof(AuthClient), typeof(CoreClient), typeof(StorageClient)];

    public static readonly Type[] ClientInterfaces = [typeof(IAuthClient), typeof(ICoreClient), typeof(IStorageClient)];

    public static Assembly Assembly => typeof(CoreClient).Assembly;

    public static IEnumerable<Type> GeneratedTypes() => Assembly.GetExportedTypes().Where(t => Namespaces.Contains(t.Namespace));

    /// <summary>The generated models: every generated type but the clients, their interfaces and the static <c>{Entity}Fields</c> name lists.</summary>
    public static IEnumerable<Type> Models() => GeneratedTypes()
        .Where(t => !Clients.Contains(t) && !ClientInterfaces.Contains(t) && !IsStatic(t));

    public static bool IsStatic(Type type) => type.IsAbstract && type.IsSealed;

    /// <summary>Every client method with the Hub operation it calls.</summary>
    public static IEnumerable<(Type Client, MethodInfo Method, HubOperationAttribute Operation)> Operations() =>
        Clients.SelectMany(c => c.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Select(m => (Client: c, Method: m, Operation: m.GetCustomAttribute<HubOperationAttribute>()))
            .Where(x => x.Operation is not null)
            .Select(x => (x.Client, x.Method, x.Operation!)));

    /// <summary>The types a signature names, with their generic arguments, arrays and nullables taken apart.</summary>
    public static IEnumerable<Type> Constituents(Type type)
    {
        if (type.IsByRef || type.IsArray || type.IsPointer)
        {
            foreach (var t in Constituents(type.GetElementType()!)) yield return t;
            yield break;
        }
        yield return type;
        if (!type.IsGenericType) yield break;
        foreach (var argument in type.GetGenericArguments())
        {
            foreach (var t in Constituents(argument)) yield return t;
        }
    }

    /// <summary>The generated types a user meets from the clients' methods: parameters and results, then their properties, recursively.</summary>
    public static IReadOnlySet<Type> ReachableFromClients()
    {
        var pending = new Stack<Type>(ClientInterfaces
            .SelectMany(i => i.GetMethods())
            .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType))
            .SelectMany(Constituents));
        var reached = new HashSet<Type>();
        while (pending.TryPop(out var type))
        {
            if (!Namespaces.Contains(type.Namespace) || !reached.Add(type)) continue;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                foreach (var t in Constituents(property.PropertyType)) pending.Push(t);
            }
        }
        return reached;
    }
}
