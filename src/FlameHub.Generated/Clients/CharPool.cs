using System.Buffers;
using Newtonsoft.Json;

namespace FlameHub;

/// <summary>Newtonsoft's reader buffers rented from the shared pool instead of made for each answer.</summary>
internal sealed class CharPool : IArrayPool<char>
{
    public static readonly CharPool Shared = new();

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null) ArrayPool<char>.Shared.Return(array);
    }
}
