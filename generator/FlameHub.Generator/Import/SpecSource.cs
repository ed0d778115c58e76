namespace FlameHub.Generator.Import;

/// <summary>Reads an import source: an http(s) URL or a local file.</summary>
public static class SpecSource
{
    public static async Task<string> ReadAsync(string source, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            try
            {
                using var response = await http.GetAsync(uri, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw new GeneratorException($"{source}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}.");
                }
                return await response.Content.ReadAsStringAsync(cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw new GeneratorException($"{source}: unreachable ({e.Message}).");
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new GeneratorException($"{source}: unreachable (no answer within 30 seconds).");
            }
        }

        if (!File.Exists(source))
        {
            throw new GeneratorException($"{source}: no such file.");
        }
        return await File.ReadAllTextAsync(source, cancellationToken);
    }
}
