using System.Text.RegularExpressions;

namespace ByteNite.Sdk.Model.Rules;

/// <summary>A Docker image reference, parsed by the grammar of the distribution/reference package the docker CLI uses.</summary>
public sealed class ImageReference
{
    private const string Component = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private const string Domain = @"(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?";

    private static readonly Regex Pattern = new(
        "^(?<repository>(?:(?<domain>" + Domain + ")/)?" + Component + "(?:/" + Component + ")*)"
        + "(?::(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?"
        + "(?:@(?<digest>[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?\\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private ImageReference(string repository, string? tag, string? digest)
    {
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>Registry and path, e.g. "python" or "ghcr.io/org/app".</summary>
    public string Repository { get; }

    public string? Tag { get; }

    public string? Digest { get; }

    /// <summary>Parses a reference; on failure, says why in words a user can act on.</summary>
    public static ImageReference? TryParse(string text, out string? problem)
    {
        problem = null;
        Match match = Pattern.Match(text);
        if (match.Success)
        {
            string repository = match.Groups["repository"].Value;
            if (repository.Length > 255)
            {
                problem = "the repository name is longer than 255 characters";
                return null;
            }

            return new ImageReference(
                repository,
                match.Groups["tag"].Success ? match.Groups["tag"].Value : null,
                match.Groups["digest"].Success ? match.Groups["digest"].Value : null);
        }

        problem = Explain(text);
        return null;
    }

    private static string Explain(string text)
    {
        if (text.Trim() != text || text.IndexOf(' ') >= 0)
        {
            return "it contains white space";
        }

        if (text.Contains("://"))
        {
            return "it is a URL; write the reference without a scheme, e.g. \"ghcr.io/org/app:1.0\"";
        }

        int slash = text.IndexOf('/');
        string path = slash >= 0 && (text.Substring(0, slash).IndexOfAny(new[] { '.', ':' }) >= 0 || text.Substring(0, slash) == "localhost")
            ? text.Substring(slash + 1)
            : text;
        int colon = path.LastIndexOf(':');
        string repositoryPath = colon >= 0 ? path.Substring(0, colon) : path;
        int at = repositoryPath.IndexOf('@');
        if (at >= 0)
        {
            repositoryPath = repositoryPath.Substring(0, at);
        }

        if (repositoryPath.ToLowerInvariant() != repositoryPath)
        {
            return "repository names must be lower-case";
        }

        if (text.EndsWith(":", System.StringComparison.Ordinal))
        {
            return "the tag after ':' is empty";
        }

        if (text.IndexOf('@') >= 0)
        {
            return "the digest after '@' must be algorithm:hex, e.g. sha256: followed by 64 hexadecimal digits";
        }

        return "it contains characters or separators that image names cannot have";
    }
}
