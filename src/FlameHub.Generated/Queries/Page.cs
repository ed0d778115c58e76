namespace FlameHub;

/// <summary>
/// One page of a list request: at most <see cref="Limit"/> records, starting after <see cref="Offset"/>
/// records. Sent as <c>page[limit]</c> and <c>page[offset]</c>.
/// </summary>
/// <param name="Limit">The page size, 1 to <see cref="MaxLimit"/>; the Hub's default is <see cref="MaxLimit"/>.</param>
/// <param name="Offset">How many matching records to skip; 0 or more.</param>
/// <exception cref="ArgumentOutOfRangeException">The limit is outside 1 to <see cref="MaxLimit"/>, or the offset is negative.</exception>
public sealed record Page(int Limit = Page.MaxLimit, int Offset = 0)
{
    /// <summary>The largest page the Hub returns, and its default page size.</summary>
    public const int MaxLimit = 50;

    private readonly int _limit = CheckLimit(Limit);
    private readonly int _offset = CheckOffset(Offset);

    /// <summary>The page size, 1 to <see cref="MaxLimit"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to <see cref="MaxLimit"/>.</exception>
    public int Limit { get => _limit; init => _limit = CheckLimit(value); }

    /// <summary>How many matching records to skip; 0 or more.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int Offset { get => _offset; init => _offset = CheckOffset(value); }

    private static int CheckLimit(int limit) => limit is >= 1 and <= MaxLimit
        ? limit
        : throw new ArgumentOutOfRangeException(nameof(Limit), limit, $"A page holds 1 to {MaxLimit} records on the Hub.");

    private static int CheckOffset(int offset) => offset >= 0
        ? offset
        : throw new ArgumentOutOfRangeException(nameof(Offset), offset, "A page offset cannot be negative.");
}
