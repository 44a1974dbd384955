using System.IO;
using System.Linq;
using System.Text;
using ByteNite.Sdk.Model.Diagnostics;
using Xunit;

namespace ByteNite.Sdk.Model.Tests;

public class AppFolderValidatorTests
{
    [Fact]
    public void A_valid_seed_app_folder_has_no_diagnostics_and_gives_its_version()
    {
        using var app = TempAppFolder.SeedApp();
        var result = app.Validate();
        Assert.Empty(result.Diagnostics);
        Assert.Equal("0.4.2", result.Manifest!.Version!.NuGetVersion);
    }

    [Fact]
    public void A_folder_without_manifest_is_BN0001()
    {
        using var app = new TempAppFolder();
        var diagnostic = Assert.Single(app.Validate().Diagnostics);
        Assert.Equal("BN0001", diagnostic.Id);
        Assert.Equal(Path.Combine(app.Path, "manifest.json"), diagnostic.FilePath);
    }

    [Theory]
    [InlineData("manifest.json")]
    [InlineData("template.json")]
    [InlineData("schema.json")]
    [InlineData("sample/params.json")]
    public void A_folder_where_an_app_file_belongs_is_BN0002_not_a_missing_file(string name)
    {
        using var app = TempAppFolder.SeedApp();
        string folder = Path.Combine(app.Path, name);
        if (File.Exists(folder))
        {
            File.Delete(folder);
        }

        Directory.CreateDirectory(folder);

        var diagnostics = AppFolderValidator.Validate(new AppFolderValidationOptions(app.Path) { SampleParamsPath = Path.Combine(app.Path, "sample", "params.json") }).Diagnostics;

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("BN0002", diagnostic.Id);
        Assert.Equal(folder, diagnostic.FilePath);
        Assert.Equal($"'{folder}' cannot be read: it is a folder, not a file. Check that the file exists, is not locked by another program and is readable by the build.", diagnostic.Message);
    }

    [Fact]
    public void A_missing_entrypoint_is_reported_at_the_entrypoint_value()
    {
        using var app = TempAppFolder.SeedApp();
        app.Delete("app/main.py");
        Assert.Equal(
            new[] { "(5,17) BN1015: 'entrypoint' \"main.py\" does not exist: the platform runs app/main.py, and 'app/main.py' is not there. Create the file or correct 'entrypoint'." },
            app.Validate().Diagnostics.Rendered());
    }

    [Fact]
    public void An_entrypoint_outside_app_is_not_found_there()
    {
        using var app = TempAppFolder.SeedApp();
        app.Write("manifest.json", TempAppFolder.SeedManifest.Replace("\"main.py\"", "\"../manifest.json\""));
        Assert.Equal(new[] { "BN1015" }, app.Validate().Diagnostics.Ids());
    }

    [Fact]
    public void An_absolute_entrypoint_is_reported_even_when_it_leads_into_this_app_folder()
    {
        using var app = TempAppFolder.SeedApp();
        string absolute = System.IO.Path.Combine(app.Path, "app", "main.py").Replace('\\', '/');
        app.Write("manifest.json", TempAppFolder.SeedManifest.Replace("\"main.py\"", System.Text.Json.JsonSerializer.Serialize(absolute)));

        Diagnostic error = Assert.Single(app.Validate().Diagnostics);

        Assert.Equal("BN1015", error.Id);
        Assert.Contains("is an absolute path; the platform runs app/<entrypoint>, so name the script relative to app/", error.Message);
    }

    [Theory]
    [InlineData("lib", "is a folder under app/, not a script; name the Python file the platform runs")]
    [InlineData(".", "names the app/ folder itself, not a script in it")]
    public void A_folder_as_the_entrypoint_is_reported_as_a_folder(string entrypoint, string reason)
    {
        using var app = TempAppFolder.SeedApp();
        app.Write("app/lib/util.py", "X = 1\n");
        app.Write("manifest.json", TempAppFolder.SeedManifest.Replace("\"main.py\"", "\"" + entrypoint + "\""));

        Diagnostic error = Assert.Single(app.Validate().Diagnostics);

        Assert.Equal("BN1015", error.Id);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_seed_app_needs_runner_py_with_run()
    {
        using var app = TempAppFolder.SeedApp();
        app.Write("app/runner.py", "def run(basepath, params):\n    pass\n");
        Assert.Equal(
            new[] { "(3,14) BN1016: app/runner.py defines 'run', but main.py's call runner.run(basepath, params, metadata) would fail: it takes only 2 positional arguments (basepath, params), and main.py passes three. Seed-dialect apps (version \"[major].[minor].rev[revision]\") keep their code in app/runner.py with 'def run(basepath, params, metadata):'." },
            app.Validate().Diagnostics.Rendered());

        app.Delete("app/runner.py");
        Assert.Equal("app/runner.py does not exist. Seed-dialect apps (version \"[major].[minor].rev[revision]\") keep their code in app/runner.py with 'def run(basepath, params, metadata):'.", Assert.Single(app.Validate().Diagnostics).Message);
    }

    [Fact]
    public void A_current_app_needs_no_runner()
    {
        using var app = new TempAppFolder();
        app.Write("manifest.json", TempAppFolder.SeedManifest.Replace("\"id\"", "\"name\"").Replace("0.4.rev2", "0.4"));
        app.Write("app/main.py", "print('hi')\n");
        Assert.Empty(app.Validate().Diagnostics);
    }

    [Theory]
    [InlineData(null, new string[0])]
    [InlineData("0.4.2", new string[0])]
    [InlineData("0.4.rev2", new string[0])]
    [InlineData("1.0.0", new[] { "(3,14) BN1024: The project sets Version \"1.0.0\", but manifest.json 'version' \"0.4.rev2\" gives \"0.4.2\". The manifest is the source of the version; remove <Version> (and <VersionPrefix>/<VersionSuffix>) from the project or make it \"0.4.2\"." })]
    public void A_project_version_must_agree_with_the_manifest(string? projectVersion, string[] expected)
    {
        using var app = TempAppFolder.SeedApp();
        Assert.Equal(expected, app.Validate(projectVersion).Diagnostics.Rendered());
    }

    [Fact]
    public void Template_and_schema_are_checked_after_the_manifest_in_reading_order()
    {
        using var app = TempAppFolder.SeedApp();
        app.Write("template.json", "{\"id\": \"t\", \"app\": \"other\", \"partitioner\": \"passthrough\", \"assembler\": \"passthrough\",}");
        app.Write("schema.json", "{\"type\": \"objet\"}");
        app.Write("manifest.json", TempAppFolder.SeedManifest.Replace("\"platform\"", "\"platfrom\": 1, \"platform\""));
        var diagnostics = app.Validate().Diagnostics;
        Assert.Equal(new[] { "BN1018", "BN1001", "BN2004" }, diagnostics.Ids());
        Assert.Equal(new[] { "manifest.json", "template.json", "schema.json" }, diagnostics.Select(d => Path.GetFileName(d.FilePath)));
    }

    [Fact]
    public void A_template_is_checked_against_the_manifest_beside_it()
    {
        using var app = TempAppFolder.SeedApp();
        app.Write("template.json", "{\"id\": \"t\", \"app\": \"other\", \"partitioner\": \"passthrough\", \"assembler\": \"passthrough\"}");
        Assert.Equal(new[] { "BN1022" }, app.Validate().Diagnostics.Ids());
    }

    [Fact]
    public void Invalid_utf8_is_BN1003_at_the_bad_byte()
    {
        using var app = TempAppFolder.SeedApp();
        byte[] bytes = Encoding.UTF8.GetBytes(TempAppFolder.SeedManifest.Replace("\"docker\"", "\"dock\u00ffr\""));
        bytes[System.Array.IndexOf(bytes, (byte)0xC3)] = 0xFF;
        app.WriteBytes("manifest.json", bytes);
        var diagnostic = Assert.Single(app.Validate().Diagnostics);
        Assert.Equal("BN1003", diagnostic.Id);
        Assert.Equal((4, 20), (diagnostic.Location.Start.Line, diagnostic.Location.Start.Column));
    }

    [Fact]
    public void A_file_locked_by_another_writer_is_BN0002_not_a_crash()
    {
        using var app = TempAppFolder.SeedApp();
        using var locked = new FileStream(Path.Combine(app.Path, "manifest.json"), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        var diagnostic = Assert.Single(app.Validate().Diagnostics);
        Assert.Equal("BN0002", diagnostic.Id);
        Assert.Equal(0, diagnostic.Location.Start.Line);
    }

    [Fact]
    public void Sample_params_are_checked_against_the_schema_and_defaults_against_their_schema()
    {
        using var app = TempAppFolder.SeedApp();
        app.Write("schema.json", "{\"properties\": {\"case\": {\"enum\": [\"upper\", \"lower\"], \"default\": \"title\"}}}");
        app.Write("sample/params.json", "{\n  \"case\": \"Upper\"\n}");
        var result = AppFolderValidator.Validate(new AppFolderValidationOptions(app.Path) { SampleParamsPath = Path.Combine(app.Path, "sample", "params.json") });
        Assert.Equal(new[] { "schema.json BN2011", "params.json BN2010" }, result.Diagnostics.Select(d => Path.GetFileName(d.FilePath) + " " + d.Id));
        Assert.Equal((2, 11), (result.Diagnostics[1].Location.Start.Line, result.Diagnostics[1].Location.Start.Column));
    }

    [Fact]
    public void Sample_params_without_a_schema_must_still_be_json_and_a_missing_file_is_fine()
    {
        using var app = TempAppFolder.SeedApp();
        app.Write("sample/params.json", "{\"case\": }");
        Assert.Equal(new[] { "BN2016" }, AppFolderValidator.Validate(new AppFolderValidationOptions(app.Path) { SampleParamsPath = Path.Combine(app.Path, "sample", "params.json") }).Diagnostics.Ids());
        Assert.Empty(AppFolderValidator.Validate(new AppFolderValidationOptions(app.Path) { SampleParamsPath = Path.Combine(app.Path, "none.json") }).Diagnostics);
    }
}
