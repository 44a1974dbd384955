using System.Globalization;
using System.Text.RegularExpressions;

namespace ByteNite.Sdk.Model.Rules;

/// <summary>The two manifest dialects (see docs/dialects.md).</summary>
public enum ManifestDialect
{
    /// <summary>Not decidable from the manifest (for example, neither 'id' nor 'name').</summary>
    Unknown,

    /// <summary>'id', version "[major].[minor].rev[revision]", app/runner.py with run(basepath, params, metadata).</summary>
    Seed,

    /// <summary>'name', version "[major].[minor]", the TASK_DIR / APP_PARAMS environment contract.</summary>
    Current,
}

/// <summary>A manifest version in either dialect and its NuGet/assembly form.</summary>
public sealed class AppVersion
{
    /// <summary>Why a version in the right format is still refused.</summary>
    public const string NumberLimit = "each number to be at most 65534 (each becomes a part of the assembly's version, which stops there)";

    public const string ExpectedFormats =
        "\"[major].[minor].rev[revision]\" (seed dialect, e.g. \"0.4.rev0\") or \"[major].[minor]\" (e.g. \"0.4\")";

    private static readonly Regex SeedPattern = new(@"^([0-9]+)\.([0-9]+)\.rev([0-9]+)\z", RegexOptions.CultureInvariant);
    private static readonly Regex CurrentPattern = new(@"^([0-9]+)\.([0-9]+)\z", RegexOptions.CultureInvariant);

    private AppVersion(string text, ManifestDialect dialect, int major, int minor, int revision)
    {
        Text = text;
        Dialect = dialect;
        Major = major;
        Minor = minor;
        Revision = revision;
    }

    /// <summary>The version exactly as written in manifest.json.</summary>
    public string Text { get; }

    public ManifestDialect Dialect { get; }

    public int Major { get; }

    public int Minor { get; }

    /// <summary>The seed dialect's revision; 0 in the current dialect, where the platform keeps revisions itself.</summary>
    public int Revision { get; }

    /// <summary>The version .NET sees: "0.4.rev2" gives "0.4.2", "0.4" gives "0.4.0".</summary>
    public string NuGetVersion => string.Format(CultureInfo.InvariantCulture, "{0}.{1}.{2}", Major, Minor, Revision);

    /// <summary>Written in one of the formats, whatever its numbers (which may still be too large).</summary>
    public static bool HasAFormat(string text) => SeedPattern.IsMatch(text) || CurrentPattern.IsMatch(text);

    public static AppVersion? TryParse(string text)
    {
        Match seed = SeedPattern.Match(text);
        if (seed.Success)
        {
            return Create(text, ManifestDialect.Seed, seed);
        }

        Match current = CurrentPattern.Match(text);
        return current.Success ? Create(text, ManifestDialect.Current, current) : null;
    }

    private static AppVersion? Create(string text, ManifestDialect dialect, Match match)
    {
        // Each part must fit an assembly version component.
        int[] parts = new int[3];
        for (int i = 1; i < match.Groups.Count; i++)
        {
            if (!int.TryParse(match.Groups[i].Value, NumberStyles.None, CultureInfo.InvariantCulture, out parts[i - 1]) || parts[i - 1] > 65534)
            {
                return null;
            }
        }

        return new AppVersion(text, dialect, parts[0], parts[1], parts[2]);
    }

    public override string ToString() => Text;
}
