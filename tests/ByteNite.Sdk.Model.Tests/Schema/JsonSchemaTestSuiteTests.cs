using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace ByteNite.Sdk.Model.Tests.Schema;

/// <summary>
/// The whole draft7 suite, optional/ and optional/format/ included, through JsonSchemaValidator. Each file's failing
/// cases must be exactly the expected ones, so a regression fails and an improvement must update this list and
/// docs/params-validation.md (whose results table must match what the run produces).
/// </summary>
public class JsonSchemaTestSuiteTests
{
    /// <summary>File → the cases ("group / test") that are expected to fail, with the reason. A file not listed must pass whole.</summary>
    private static readonly Dictionary<string, string[]> KnownFailures = new()
    {
        // Needs the draft-07 meta-schema (http://json-schema.org/draft-07/schema), a remote document that is not bundled.
        ["definitions.json"] = new[] { "validate definition against metaschema / invalid definition schema" },
        ["ref.json"] = new[] { "remote ref, containing refs itself / remote ref invalid" },
        // contentMediaType and contentEncoding are annotations in draft-07; the spec lets validators not assert them.
        ["optional/content.json"] = new[]
        {
            "validation of string-encoded content based on media type / an invalid JSON document",
            "validation of binary string-encoding / an invalid base64 string (% is not a valid character)",
            "validation of binary-encoded media type documents / a validly-encoded invalid JSON document",
            "validation of binary-encoded media type documents / an invalid base64 string that is valid JSON",
        },
        // The referenced document declares 2019-09 and uses dependentRequired; this validator applies draft-07 throughout.
        ["optional/cross-draft.json"] = new[] { "refs to future drafts are processed as future drafts / missing bar is invalid" },
    };

    private const string FormatDirectory = "optional/format/";

    private const string ReportStart = "<!-- suite-results:start -->";
    private const string ReportEnd = "<!-- suite-results:end -->";

    public static IEnumerable<object[]> SuiteFiles() => TestSuite.Files().Select(file => new object[] { file });

    [Fact]
    public void The_suite_is_present_and_every_expectation_names_a_real_file()
    {
        List<string> files = TestSuite.Files().ToList();
        Assert.True(files.Count >= 50, "expected the draft7 suite under " + TestSuite.Draft7 + ", found " + files.Count + " files");
        Assert.Empty(KnownFailures.Keys.Except(files));
        Assert.Contains("ref.json", files);
        Assert.Contains("optional/ecmascript-regex.json", files);
    }

    [Theory]
    [MemberData(nameof(SuiteFiles))]
    public void Suite_file_fails_exactly_the_expected_cases(string file)
    {
        List<CaseResult> results = TestSuite.Run(file);
        Assert.NotEmpty(results);
        IEnumerable<string> failing = results.Where(r => !r.Passed).Select(r => r.Name).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(ExpectedFailures(file, results), failing);
    }

    [Fact]
    public void Docs_report_matches_the_run()
    {
        string report = Report();
        string docs = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "params-validation.md")).Replace("\r\n", "\n");
        int start = docs.IndexOf(ReportStart, StringComparison.Ordinal);
        int end = docs.IndexOf(ReportEnd, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/params-validation.md needs the markers " + ReportStart + " and " + ReportEnd);
        string committed = docs.Substring(start + ReportStart.Length, end - start - ReportStart.Length).Trim('\n');
        Assert.True(committed == report, "docs/params-validation.md is out of date; its results table should read:\n" + report);
    }

    private static IEnumerable<string> ExpectedFailures(string file, List<CaseResult> results)
    {
        // format is an annotation here (docs/params-validation.md): exactly the cases that expect a rejection fail.
        IEnumerable<string> expected = file.StartsWith(FormatDirectory, StringComparison.Ordinal)
            ? results.Where(r => !r.ExpectedValid).Select(r => r.Name)
            : KnownFailures.TryGetValue(file, out string[]? known) ? known : Array.Empty<string>();
        return expected.OrderBy(n => n, StringComparer.Ordinal);
    }

    private static string Report()
    {
        var text = new StringBuilder();
        text.Append("| file | passed | rate |\n| --- | ---: | ---: |\n");
        var totals = new Dictionary<string, (int Passed, int Total)>();
        foreach (string file in TestSuite.Files())
        {
            List<CaseResult> results = TestSuite.Run(file);
            int passed = results.Count(r => r.Passed);
            text.Append("| ").Append(file).Append(" | ").Append(passed).Append('/').Append(results.Count).Append(" | ").Append(Rate(passed, results.Count)).Append(" |\n");
            string part = file.StartsWith(FormatDirectory, StringComparison.Ordinal) ? "total, optional/format" : file.StartsWith("optional/", StringComparison.Ordinal) ? "total, optional" : "total, draft7";
            totals.TryGetValue(part, out var sum);
            totals[part] = (sum.Passed + passed, sum.Total + results.Count);
        }

        foreach (string part in new[] { "total, draft7", "total, optional", "total, optional/format" })
        {
            var (passed, total) = totals[part];
            text.Append("| **").Append(part).Append("** | **").Append(passed).Append('/').Append(total).Append("** | **").Append(Rate(passed, total)).Append("** |\n");
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string Rate(int passed, int total) =>
        passed == total ? "100%" : (Math.Floor(1000.0 * passed / total) / 10).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
