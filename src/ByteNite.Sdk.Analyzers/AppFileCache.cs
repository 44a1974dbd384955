using System;
using System.Runtime.CompilerServices;
using System.Text;
using ByteNite.Sdk.Model.Json;
using ByteNite.Sdk.Model.Rules;
using Microsoft.CodeAnalysis.Text;

namespace ByteNite.Sdk.Analyzers;

/// <summary>
/// One parse per file text. An IDE hands the analyzer the same immutable <see cref="SourceText"/> until the file changes,
/// and a template's check reads the manifest's text again, so results are kept for as long as the text is alive.
/// </summary>
internal static class AppFileCache
{
    private static readonly ConditionalWeakTable<SourceText, Entry> Entries = new();

    public static Entry Get(string path, string kind, SourceText text)
    {
        Entry entry = Entries.GetValue(text, t => new Entry(path, kind, t));
        // The same text under another path or kind (possible in principle, e.g. two copies of a file) is not shared.
        return entry.Path == path && entry.Kind == kind ? entry : new Entry(path, kind, text);
    }

    internal sealed class Entry
    {
        private readonly object _gate = new();
        private readonly SourceText _text;
        private ParsedAppFile? _parsed;
        private CheckedAppFile? _checked;
        private bool _checkedWithToken;
        private Manifest? _checkedAgainst;

        public Entry(string path, string kind, SourceText text)
        {
            Path = path;
            Kind = kind;
            _text = text;
        }

        public string Path { get; }

        public string Kind { get; }

        public ParsedAppFile Parsed
        {
            get
            {
                lock (_gate)
                {
                    return _parsed ??= Parse(Path, Kind, _text);
                }
            }
        }

        /// <summary>Parse and rules; the result is kept for the last inputs (a manifest's token setting, a template's manifest).</summary>
        public CheckedAppFile Check(Manifest? manifest, bool registryTokenSupplied)
        {
            ParsedAppFile parsed = Parsed;
            lock (_gate)
            {
                if (_checked is null || _checkedWithToken != registryTokenSupplied || !ReferenceEquals(_checkedAgainst, manifest))
                {
                    _checked = AppFileChecks.Check(parsed, manifest, registryTokenSupplied);
                    _checkedWithToken = registryTokenSupplied;
                    _checkedAgainst = manifest;
                }

                return _checked;
            }
        }
    }

    /// <summary>
    /// The compiler decodes an additional file as UTF-8 when it can and with a fallback encoding otherwise (UTF-16 when
    /// it has that byte order mark); a text that is not UTF-8 is turned back into its bytes so that the encoding
    /// diagnostic is the build task's, at the same place. So is a text with a zero among its first characters: UTF-16
    /// without a byte order mark, which decodes as UTF-8 with a zero byte next to each character.
    /// </summary>
    private static ParsedAppFile Parse(string path, string kind, SourceText text)
    {
        Encoding? encoding = text.Encoding;
        if (encoding is not null && encoding.CodePage != Encoding.UTF8.CodePage)
        {
            byte[] preamble = encoding.GetPreamble();
            byte[] body = encoding.GetBytes(text.ToString());
            var bytes = new byte[preamble.Length + body.Length];
            Buffer.BlockCopy(preamble, 0, bytes, 0, preamble.Length);
            Buffer.BlockCopy(body, 0, bytes, preamble.Length, body.Length);
            return AppFileChecks.Parse(kind, path, bytes);
        }

        if (text.Length >= 2 && (text[0] == '\0' || text[1] == '\0'))
        {
            return AppFileChecks.Parse(kind, path, Encoding.UTF8.GetBytes(text.ToString()));
        }

        return AppFileChecks.Parse(kind, new SourceFile(path, text.ToString()));
    }
}
