namespace FlameHub;

/// <summary>
/// What a package knows of releases: its own, every one its repository supports (one
/// <c>specs/hub-*/</c> folder each) and which product's release each service reports. It judges a
/// reported release; the data is generated at build time (<see cref="Current"/>), tests give their own.
/// </summary>
internal sealed class ReleaseCatalog
{
    private readonly Dictionary<string, string> _products;

    public ReleaseCatalog(ReleaseLine own, IReadOnlyList<ReleaseLine> supported, IEnumerable<(string Service, string Product)> products)
    {
        Own = own ?? throw new ArgumentNullException(nameof(own));
        Supported = supported ?? throw new ArgumentNullException(nameof(supported));
        _products = products.ToDictionary(p => p.Service, p => p.Product, StringComparer.Ordinal);
    }

    /// <summary>This package's facts, as generated into it.</summary>
    public static ReleaseCatalog Current { get; } = new(GeneratedReleases.Own, GeneratedReleases.Supported, GeneratedReleases.Products);

    public ReleaseLine Own { get; }

    public IReadOnlyList<ReleaseLine> Supported { get; }

    /// <summary>The product whose release <paramref name="service"/> reports (<c>Hub</c>, <c>Authup</c>); null for a service the facts do not name.</summary>
    public string? ProductOf(string service) => _products.GetValueOrDefault(service);

    /// <summary>What <paramref name="service"/> reporting <paramref name="reported"/> (null: no version) means for this package.</summary>
    /// <param name="service">The service, for example <c>core</c>.</param>
    /// <param name="where">The service's URL, for messages.</param>
    /// <param name="reported">The reported version, null when the status carried none.</param>
    public ReleaseVerdict Judge(string service, string where, string? reported)
    {
        var subject = Subject(service, where);
        var expected = subject.Expected;
        if (reported is null) return new ReleaseVerdict(ReleaseOutcome.NoVersion, subject, null, null, null);
        if (!ReleaseVersion.TryParse(reported, out var version))
        {
            return new ReleaseVerdict(ReleaseOutcome.Failed, subject, ReleaseText.Safe(reported), null,
                new FormatException($"it reported the version '{ReleaseText.Safe(reported)}', which is not a release such as {expected}"));
        }
        ReleaseVersion.TryParse(expected, out var own);
        return own.Compare(version) switch
        {
            ReleaseMatch.Same => new ReleaseVerdict(ReleaseOutcome.Same, subject, version.ToString(), null, null),
            ReleaseMatch.Patch => new ReleaseVerdict(ReleaseOutcome.Patch, subject, version.ToString(), null, null),
            _ => new ReleaseVerdict(ReleaseOutcome.Mismatch, subject, version.ToString(), SpeakerOf(subject.Product, version), null),
        };
    }

    /// <summary>A check whose release could not be read: <paramref name="failure"/> says why.</summary>
    public ReleaseVerdict Failed(string service, string where, Exception failure) => new(ReleaseOutcome.Failed, Subject(service, where), null, null, failure);

    private ReleaseSubject Subject(string service, string where)
    {
        var product = ProductOf(service) ?? throw new ArgumentException($"The release facts name no product for the service '{service}'.", nameof(service));
        return new ReleaseSubject(service, where, product, Own.VersionOf(product)!, Own, KnownLines(product));
    }

    /// <summary>The package version of a supported release that speaks <paramref name="reported"/>: the same release, else the newest of its line.</summary>
    public string? SpeakerOf(string product, ReleaseVersion reported)
    {
        ReleaseLine? best = null;
        ReleaseVersion bestVersion = default;
        foreach (var line in Supported)
        {
            if (!ReleaseVersion.TryParse(line.VersionOf(product), out var version)) continue;
            var match = version.Compare(reported);
            if (match == ReleaseMatch.Same) return line.Package;
            if (match == ReleaseMatch.Patch && (best is null || version.Patch > bestVersion.Patch))
            {
                best = line;
                bestVersion = version;
            }
        }
        return best?.Package;
    }

    /// <summary>The lines of <paramref name="product"/> the repository supports, for a message: <c>0.8.x, 0.14.x</c>.</summary>
    public string KnownLines(string product) => string.Join(", ", Supported
        .Select(l => ReleaseVersion.TryParse(l.VersionOf(product), out var v) ? v.Line : null)
        .OfType<string>().Distinct());
}
