namespace FlameHub;

/// <summary>A generated extensible enum: a value type whose <see cref="object.ToString"/> is its wire text.</summary>
internal interface IWireEnum
{
}

/// <summary>An extensible enum that can be made from any wire text, for the converter.</summary>
/// <typeparam name="TSelf">The enum type.</typeparam>
internal interface IWireEnum<TSelf> : IWireEnum
    where TSelf : struct, IWireEnum<TSelf>
{
    /// <summary>The value whose wire text is <paramref name="value"/>.</summary>
    static abstract TSelf FromWire(string value);
}
