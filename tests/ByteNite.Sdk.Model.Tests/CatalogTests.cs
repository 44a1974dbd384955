using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ByteNite.Sdk.Model.Diagnostics;
using Xunit;

namespace ByteNite.Sdk.Model.Tests;

/// <summary>The catalogue's promises: unique codes in their band, a docs page each, and each one reachable.</summary>
public class CatalogTests
{
    private const string Current = """{ "name": "app", "version": "0.1", "platform": "docker", "entrypoint": "main.py", "platform_config": { "container": "python:3.11" } }""";
    private const string Template = """{ "id": "t", "app": "app", "partitioner": "passthrough", "assembler": "passthrough" }""";

    /// <summary>One input per code that makes the rules report it.</summary>
    private static readonly Dictionary<string, Func<IEnumerable<Diagnostic>>> Triggers = new()
    {
        ["BN0001"] = () => { using var app = new TempAppFolder(); return app.Validate().Diagnostics; },
        ["BN0002"] = () =>
        {
            using var app = TempAppFolder.SeedApp();
            using var locked = new FileStream(Path.Combine(app.Path, "manifest.json"), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return app.Validate().Diagnostics;
        },
        ["BN1001"] = () => Validate.Manifest("{,}"),
        ["BN1002"] = () => Validate.Manifest("{\"a\": 1, \"a\": 2}"),
        ["BN1003"] = () => { using var app = TempAppFolder.SeedApp(); app.WriteBytes("manifest.json", new byte[] { 0xFF }); return app.Validate().Diagnostics; },
        ["BN1004"] = () => Validate.Manifest(Current.Replace("\"0.1\"", "\"1\"")),
        ["BN1005"] = () => Validate.Manifest("{}"),
        ["BN1006"] = () => Validate.Manifest(Current.Replace("\"docker\"", "1")),
        ["BN1007"] = () => Validate.Manifest(Current.Replace("\"app\"", "\"a b\"")),
        ["BN1008"] = () => Validate.Manifest(Current.Replace("\"docker\"", "\"python\"")),
        ["BN1009"] = () => Validate.Manifest(Current.Replace("python:3.11", "Python")),
        ["BN1010"] = () => Validate.Manifest(Current.Replace("python:3.11", "python")),
        ["BN1011"] = () => Validate.Manifest(Current.Replace("\"python:3.11\"", "\"python:3.11\", \"private_image\": true")),
        ["BN1012"] = () => Validate.Manifest(Current.Replace("\"python:3.11\"", "\"python:3.11\", \"token\": \"dckr_pat_x\"")),
        ["BN1013"] = () => Validate.Manifest(Current.Replace("\"python:3.11\"", "\"python:3.11\", \"secrets\": [\"a-b\"]")),
        ["BN1014"] = () => Validate.Manifest(Current.Replace("\"docker\",", "\"docker\", \"device_requirements\": { \"min_cpu\": 0 },")),
        ["BN1015"] = () => { using var app = TempAppFolder.SeedApp(); app.Delete("app/main.py"); return app.Validate().Diagnostics; },
        ["BN1016"] = () => { using var app = TempAppFolder.SeedApp(); app.Delete("app/runner.py"); return app.Validate().Diagnostics; },
        ["BN1017"] = () => Validate.Manifest(Current.Replace("\"docker\",", "\"docker\", \"type\": \"mapper\",")),
        ["BN1018"] = () => Validate.Manifest(Current.Replace("\"docker\",", "\"docker\", \"colour\": 1,")),
        ["BN1019"] = () => Validate.Manifest(Current.Replace("\"platform\"", "\"Platform\"")),
        ["BN1020"] = () => Validate.Manifest(Current.Replace("\"name\"", "\"id\"")),
        ["BN1021"] = () => Validate.Template(Template.Replace("\"app\": \"app\"", "\"app\": \"app@v1\"")),
        ["BN1022"] = () => Validate.Template(Template.Replace("\"app\": \"app\"", "\"app\": \"other\""), Validate.ManifestModel(Current)),
        ["BN1023"] = () => Validate.Template(Template.Replace("\"app\": \"app\"", "\"app\": \"app@2\""), Validate.ManifestModel(Current)),
        ["BN1024"] = () => { using var app = TempAppFolder.SeedApp(); return app.Validate("2.0.0").Diagnostics; },
        ["BN1025"] = () => Validate.Manifest(Current.Replace("\"app\"", "\"passthrough\"").Replace("\"docker\",", "\"docker\", \"type\": \"assembler\",")),
        ["BN1026"] = () => Validate.Manifest("\"manifest\""),
        ["BN1027"] = () => Validate.Manifest(Current.Replace("\"main.py\"", "\"\"")),
        ["BN1028"] = () => Validate.Manifest(Current.Replace("\"docker\",", "\"docker\", \"type\": \"app\",")),
        ["BN2001"] = () => Validate.Schema("{\"type\": }"),
        ["BN2002"] = () => Validate.Schema("{\"type\": \"object\", \"type\": \"object\"}"),
        ["BN2003"] = () => { using var app = TempAppFolder.SeedApp(); app.WriteBytes("schema.json", new byte[] { 0x7B, 0xFE, 0x7D }); return app.Validate().Diagnostics; },
        ["BN2004"] = () => Validate.Schema("{\"type\": \"str\"}"),
    };

    /// <summary>Codes whose trigger lives with their host, not in the rules.</summary>
    private static readonly string[] NotTriggeredByRules =
    {
        "BN0003", // an invalid severity in a .globalconfig: reported by the severity configuration (its own tests)
        "BN0004", // reported by ByteNite.Sdk.Workloads.targets: WorkloadTests.A_platform_target_framework_is_BN0004_with_the_way_to_turn_workloads_on
        "BN0099", // the internal-error catch-all: a test that triggers it would be a test of a bug
        // BN2020-BN2026: reported by the params code generator; each is triggered, with its line and column, in
        // tests/ByteNite.Sdk.CodeGeneration.Tests/DiagnosticTests.cs.
        "BN2020", "BN2021", "BN2022", "BN2023", "BN2024", "BN2025", "BN2026",
        // BN2030-BN2031: reported by ParamsConstraintAnalyzer on C# code; triggered in
        // tests/ByteNite.Sdk.Analyzers.Tests/ParamsConstraintAnalyzerTests.cs.
        "BN2030", // A_string_literal_longer_than_maxLength_is_BN2030_at_the_literal
        "BN2031", // Numbers_outside_each_kind_of_bound_are_BN2031
        // BN3xxx: reported by the pack tasks; triggered by the end-to-end `dotnet pack` tests and the tasks' own tests.
        "BN3001", // BundleSelectionTests.Symbolic_link_to_a_file_outside_the_app_folder_is_BN3001_and_nothing_is_written
        "BN3002", // BundleSelectionTests.Symbolic_link_loops_are_BN3002
        "BN3003", // PackTaskTests.A_file_that_cannot_be_read_is_BN3003_not_a_crash_and_no_bundle_is_left (ByteNite.Sdk.Tasks.Tests)
        "BN3004", // BundleSafetyTests.Large_file_warns_BN3004_with_its_size_and_the_threshold
        "BN3005", // BundleSafetyTests.Repacking_the_same_version_with_other_content_warns_BN3005_with_the_next_version
        "BN3006", // BundleSelectionTests.Include_outside_the_app_folder_is_BN3006
        "BN3007", // BundleSelectionTests.Excluding_the_entrypoint_or_the_manifest_is_BN3007
        "BN3008", // BundleSafetyTests.Invalid_threshold_is_BN3008
        "BN3009", // BundleSafetyTests.Manifest_without_a_valid_version_is_BN3009_when_validation_is_off
        "BN3010", // BundleSafetyTests.A_bundle_that_cannot_be_written_is_BN3010_and_leaves_nothing_behind
        "BN3011", // BundleSelectionTests.A_name_with_a_backslash_or_not_in_UTF8_is_BN3011_unless_excluded
        "BN3012", // BundleSelectionTests.An_include_that_does_not_exist_or_is_excluded_is_BN3012
        // BN4xxx: reported by RunLocal (src/ByteNite.Sdk.LocalRunner); triggered by tests/ByteNite.Sdk.Docker.Tests.
        "BN4001", // EndpointTests.DOCKER_HOST_pointing_nowhere_gives_one_error_listing_every_endpoint_tried
        "BN4002", // EndpointTests.A_daemon_older_than_API_1_40_is_refused_with_BN4002
        "BN4003", // FailureTests.With_pull_never_a_missing_image_is_an_error_naming_the_policy
        "BN4004", // InputTests.A_secret_missing_from_the_environment_is_reported_at_its_id_in_manifest_json
        "BN4005", // InputTests.Windows_line_endings_in_the_entrypoint_are_caught_with_the_fix
        "BN4006", // FailureTests.A_crashing_app_reports_its_exit_code_and_last_log_lines_at_the_failing_line
        "BN4007", // FailureTests.An_app_over_its_memory_limit_is_reported_as_out_of_memory_at_min_memory
        "BN4008", // FailureTests.A_sleeping_app_is_stopped_by_the_timeout_counted_from_the_container_start
        "BN4009", // InputTests.A_sample_input_that_does_not_exist_is_an_error_naming_the_switch
        "BN4010", // EndpointTests.Speaking_an_unsupported_old_version_to_Engine_29_fails_as_the_engine_says
        "BN4011", // FailureTests.An_image_without_python_is_reported_as_such
        "BN4012", // CleanupTests.A_killed_runners_container_is_swept_and_reported_by_the_next_run
        "BN4013", // FailureTests.An_app_that_writes_no_results_gets_a_warning_saying_where_to_write
        "BN4014", // FailureTests.Requirements_larger_than_the_machine_give_a_warning_and_the_app_still_runs
        "BN4015", // RunLocalTests.Arguments_the_runner_refuses_are_BN4015_quoting_it (ByteNite.Sdk.EndToEnd.Tests)
        "BN4016", // RunLocalTests.A_runner_stopped_by_a_signal_from_outside_the_build_is_BN4016 (ByteNite.Sdk.EndToEnd.Tests)
        "BN4017", // RunLocalTests.Invalid_timeout_or_pull_settings_are_BN4017_before_anything_runs (ByteNite.Sdk.EndToEnd.Tests)
        "BN4018", // InputTests.Parameters_too_large_for_an_environment_variable_are_BN4018_before_any_container
    };

    [Fact]
    public void Codes_are_unique_and_in_their_band()
    {
        Assert.Equal(DiagnosticCatalog.All.Count, DiagnosticCatalog.All.Select(d => d.Id).Distinct().Count());
        foreach (DiagnosticDescriptor descriptor in DiagnosticCatalog.All)
        {
            Assert.Matches("^BN[0-4][0-9]{3}$", descriptor.Id);
            char band = descriptor.Id[2];
            string expectedBand = descriptor.Category switch
            {
                "ByteNite.Sdk" => "0",
                "ByteNite.Manifest" or "ByteNite.Template" => "1",
                "ByteNite.Schema" => "2",
                "ByteNite.Bundle" => "3",
                "ByteNite.RunLocal" => "4",
                _ => "?",
            };
            Assert.True(expectedBand == band.ToString(), descriptor.Id + " is in category " + descriptor.Category);
        }
    }

    [Fact]
    public void Every_public_descriptor_is_listed_in_All()
    {
        var declared = typeof(DiagnosticCatalog).GetFields().Where(f => f.FieldType == typeof(DiagnosticDescriptor)).Select(f => (DiagnosticDescriptor)f.GetValue(null)!);
        Assert.Equal(declared.Select(d => d.Id).OrderBy(x => x), DiagnosticCatalog.All.Select(d => d.Id).OrderBy(x => x));
    }

    [Fact]
    public void Every_code_has_a_title_a_message_a_help_link_and_a_docs_page()
    {
        string docs = Path.Combine(TestPaths.RepositoryRoot, "docs", "diagnostics");
        foreach (DiagnosticDescriptor descriptor in DiagnosticCatalog.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Title), descriptor.Id);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat), descriptor.Id);
            Assert.EndsWith("/docs/diagnostics/" + descriptor.Id + ".md", descriptor.HelpLink);
            string page = Path.Combine(docs, descriptor.Id + ".md");
            Assert.True(File.Exists(page), "missing docs page " + page);
            Assert.StartsWith("# " + descriptor.Id, File.ReadAllText(page));
        }
    }

    [Fact]
    public void No_docs_page_describes_a_code_that_does_not_exist()
    {
        string docs = Path.Combine(TestPaths.RepositoryRoot, "docs", "diagnostics");
        var pages = Directory.EnumerateFiles(docs, "BN*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.Empty(pages.Except(DiagnosticCatalog.All.Select(d => d.Id)));
    }

    [Fact]
    public void Every_code_is_triggered_by_some_input()
    {
        var untriggered = DiagnosticCatalog.All.Select(d => d.Id).Except(NotTriggeredByRules).Except(Triggers.Keys).Except(Schema.ParamsValidationTests.Triggers.Keys);
        Assert.Empty(untriggered);
    }

    public static IEnumerable<object[]> TriggerIds() => Triggers.Keys.Select(id => new object[] { id });

    [Theory]
    [MemberData(nameof(TriggerIds))]
    public void Each_trigger_reports_its_code(string id)
    {
        Assert.Contains(id, Triggers[id]().Ids());
    }

    [Fact]
    public void Message_formats_have_balanced_placeholders()
    {
        foreach (DiagnosticDescriptor descriptor in DiagnosticCatalog.All)
        {
            string withoutEscapes = descriptor.MessageFormat.Replace("{{", string.Empty).Replace("}}", string.Empty);
            Assert.DoesNotMatch(new Regex(@"\{(?!\d+\})|(?<!\{\d+)\}"), withoutEscapes);
        }
    }
}
