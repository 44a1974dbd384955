using System.Text;
using System.Text.RegularExpressions;

namespace ByteNite.Sdk.Model.Schema;

/// <summary>
/// RFC 3986 reference resolution (§5.2), written out rather than taken from <see cref="System.Uri"/>: schema
/// identifiers use schemes such as <c>db://</c> and <c>urn:</c> that Uri treats inconsistently across platforms, and
/// identifiers must compare exactly as written, without Uri's case and escaping normalisation.
/// </summary>
internal static class UriReference
{
    private static readonly Regex Parts = new(@"^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    public static bool HasScheme(string reference) => Parts.Match(reference).Groups[1].Success;

    public static string Resolve(string baseUri, string reference)
    {
        Match r = Parts.Match(reference);
        Match b = Parts.Match(baseUri);
        string? scheme, authority, query;
        string path;
        if (r.Groups[1].Success)
        {
            scheme = r.Groups[1].Value;
            authority = Group(r, 2);
            path = RemoveDotSegments(r.Groups[3].Value);
            query = Group(r, 4);
        }
        else
        {
            if (r.Groups[2].Success)
            {
                authority = r.Groups[2].Value;
                path = RemoveDotSegments(r.Groups[3].Value);
                query = Group(r, 4);
            }
            else
            {
                if (r.Groups[3].Value.Length == 0)
                {
                    path = b.Groups[3].Value;
                    query = Group(r, 4) ?? Group(b, 4);
                }
                else
                {
                    path = r.Groups[3].Value.StartsWith("/", System.StringComparison.Ordinal)
                        ? RemoveDotSegments(r.Groups[3].Value)
                        : RemoveDotSegments(Merge(b, r.Groups[3].Value));
                    query = Group(r, 4);
                }

                authority = Group(b, 2);
            }

            scheme = Group(b, 1);
        }

        var result = new StringBuilder();
        if (scheme is not null)
        {
            result.Append(scheme).Append(':');
        }

        if (authority is not null)
        {
            result.Append("//").Append(authority);
        }

        result.Append(path);
        if (query is not null)
        {
            result.Append('?').Append(query);
        }

        if (Group(r, 5) is { } fragment)
        {
            result.Append('#').Append(fragment);
        }

        return result.ToString();
    }

    /// <summary>The URI without its fragment, and the fragment (null when there is none).</summary>
    public static string WithoutFragment(string uri, out string? fragment)
    {
        int hash = uri.IndexOf('#');
        if (hash < 0)
        {
            fragment = null;
            return uri;
        }

        fragment = uri.Substring(hash + 1);
        return uri.Substring(0, hash);
    }

    private static string? Group(Match match, int index) => match.Groups[index].Success ? match.Groups[index].Value : null;

    private static string Merge(Match baseParts, string relativePath)
    {
        string basePath = baseParts.Groups[3].Value;
        if (baseParts.Groups[2].Success && basePath.Length == 0)
        {
            return "/" + relativePath;
        }

        int slash = basePath.LastIndexOf('/');
        return slash < 0 ? relativePath : basePath.Substring(0, slash + 1) + relativePath;
    }

    private static string RemoveDotSegments(string path)
    {
        if (path.IndexOf('.') < 0)
        {
            return path;
        }

        string input = path;
        var output = new StringBuilder();
        while (input.Length > 0)
        {
            if (input.StartsWith("../", System.StringComparison.Ordinal))
            {
                input = input.Substring(3);
            }
            else if (input.StartsWith("./", System.StringComparison.Ordinal))
            {
                input = input.Substring(2);
            }
            else if (input.StartsWith("/./", System.StringComparison.Ordinal))
            {
                input = input.Substring(2);
            }
            else if (input == "/.")
            {
                input = "/";
            }
            else if (input.StartsWith("/../", System.StringComparison.Ordinal) || input == "/..")
            {
                input = input.Length == 3 ? "/" : input.Substring(3);
                RemoveLastSegment(output);
            }
            else if (input == "." || input == "..")
            {
                input = string.Empty;
            }
            else
            {
                int next = input.IndexOf('/', input[0] == '/' ? 1 : 0);
                string segment = next < 0 ? input : input.Substring(0, next);
                output.Append(segment);
                input = next < 0 ? string.Empty : input.Substring(next);
            }
        }

        return output.ToString();
    }

    private static void RemoveLastSegment(StringBuilder output)
    {
        string text = output.ToString();
        int slash = text.LastIndexOf('/');
        output.Length = slash < 0 ? 0 : slash;
    }
}
