using System.Linq;
using Xunit;

namespace ByteNite.Sdk.Model.Tests;

public class TemplateRulesTests
{
    private const string Template = """
        {
          "id": "hello-world-template",
          "description": "A template for hello-world",
          "app": "hello-world",
          "partitioner": "passthrough",
          "assembler": "passthrough"
        }
        """;

    [Fact]
    public void The_generated_template_is_valid()
    {
        Assert.Empty(Validate.Template(Template));
    }

    [Theory]
    [InlineData("hello-world@1")]
    [InlineData("hello-world@1.2")]
    [InlineData("hello_world")]
    public void Tags_may_pin_major_and_minor(string tag)
    {
        Assert.Empty(Validate.Template(Template.Replace("\"hello-world\"", "\"" + tag + "\"")));
    }

    [Theory]
    [InlineData("hello-world@v0.2", "(4,10) BN1021: 'app' \"hello-world@v0.2\" is not a valid tag: the version has a 'v' prefix, which the platform's tags no longer use; write \"hello-world@0.2\". A tag is name[@major[.minor]], e.g. \"hello-world\", \"hello-world@1\" or \"hello-world@1.2\".")]
    [InlineData("hello-world@1.2.3", "(4,10) BN1021: 'app' \"hello-world@1.2.3\" is not a valid tag: the part after '@' must be major or major.minor, with whole numbers. A tag is name[@major[.minor]], e.g. \"hello-world\", \"hello-world@1\" or \"hello-world@1.2\".")]
    [InlineData("hello world", "(4,10) BN1021: 'app' \"hello world\" is not a valid tag: a name has 1 to 64 letters, digits, '-' or '_'. A tag is name[@major[.minor]], e.g. \"hello-world\", \"hello-world@1\" or \"hello-world@1.2\".")]
    public void Invalid_tags_are_reported_at_the_value(string tag, string expected)
    {
        Assert.Equal(new[] { expected }, Validate.Template(Template.Replace("\"hello-world\"", "\"" + tag + "\"")).Rendered());
    }

    [Fact]
    public void Missing_keys_are_reported_at_the_object()
    {
        Assert.Equal(new[] { "BN1005", "BN1005", "BN1005", "BN1005" }, Validate.Template("{}").Ids());
    }

    [Theory]
    [InlineData("hello-world@99999999999", "BN1023")] // too large for an int: a mismatch, not a crash
    [InlineData("hello-world@0.99999999999", "BN1023")]
    [InlineData("hello-world@\u0661", "BN1021")]     // an Arabic-Indic digit is no digit of a tag
    [InlineData("hello-world\n", "BN1021")]         // '$' would match before a final line feed
    public void Numbers_and_characters_a_tag_cannot_have_are_diagnostics_never_a_crash(string tag, string code)
    {
        var manifest = Validate.ManifestModel("""{ "name": "hello-world", "version": "0.4", "platform": "docker", "entrypoint": "main.py", "platform_config": { "container": "python:3.11" } }""");
        string json = Template.Replace("\"hello-world\"", System.Text.Json.JsonSerializer.Serialize(tag));

        Assert.Equal(new[] { code }, Validate.Template(json, manifest).Ids());
    }

    [Fact]
    public void The_app_must_be_the_manifest_s_app()
    {
        var manifest = Validate.ManifestModel("""{ "name": "other-app", "version": "0.1", "platform": "docker", "entrypoint": "main.py", "platform_config": { "container": "python:3.11" } }""");
        Assert.Equal(
            new[] { "(4,10) BN1022: template.json 'app' \"hello-world\" refers to app \"hello-world\", but manifest.json names this app \"other-app\". Jobs built from this template would run a different app; set 'app' to \"other-app\" (optionally with @major[.minor])." },
            Validate.Template(Template, manifest).Rendered());
    }

    [Theory]
    [InlineData("hello-world@0", new string[0])]
    [InlineData("hello-world@0.4", new string[0])]
    [InlineData("hello-world@1", new[] { "BN1023" })]
    [InlineData("hello-world@0.3", new[] { "BN1023" })]
    public void A_pinned_app_version_must_exist_in_the_manifest(string tag, string[] expected)
    {
        var manifest = Validate.ManifestModel("""{ "id": "hello-world", "version": "0.4.rev1", "platform": "docker", "entrypoint": "main.py", "platform_config": { "container": "python:3.11" } }""");
        Assert.Equal(expected, Validate.Template(Template.Replace("\"hello-world\"", "\"" + tag + "\""), manifest).Ids());
    }

    [Fact]
    public void Extended_template_fields_are_known_and_typed()
    {
        string json = Template.Replace("\"assembler\": \"passthrough\"", "\"assembler\": \"passthrough\", \"params\": {\"app\": {}}, \"config\": [], \"dataSource\": {\"dataSourceDescriptor\": \"bypass\"}");
        Assert.Equal(new[] { "BN1006" }, Validate.Template(json).Ids());
    }
}

public class SchemaRulesTests
{
    [Fact]
    public void The_docs_schema_is_valid()
    {
        const string schema = """
            {
              "$id": "db://image-generation-simple-inputs",
              "definitions": { "input": { "type": "string", "description": "A prompt", "maxLength": 50 } },
              "properties": { "prompt": { "$ref": "#/definitions/input" } },
              "required": ["prompt"],
              "title": "Stable Diffusion App Schema"
            }
            """;
        Assert.Empty(Validate.Schema(schema));
    }

    [Theory]
    [InlineData("[]", "(1,1) BN2004: schema.json must contain a JSON Schema object '{ ... }' describing the app's parameters, but contains an array.")]
    [InlineData("{\"type\": \"int\"}", "(1,10) BN2004: #/type \"int\" is not a JSON Schema type (that is a Python type name); use one of object, array, string, number, integer, boolean, null.")]
    [InlineData("{\"required\": \"prompt\"}", "(1,14) BN2004: #/required must be an array of property names, but is a string.")]
    [InlineData("{\"properties\": {\"a\": {\"maxLength\": -1}}}", "(1,36) BN2004: #/properties/a/maxLength must be a non-negative integer, but is -1.")]
    [InlineData("{\"properties\": {\"a\": 5}}", "(1,22) BN2004: #/properties/a must be a schema (an object or a boolean), but is an integer.")]
    [InlineData("{\"definitions\": {\"x/y\": {\"type\": []}}}", "(1,34) BN2004: #/definitions/x~1y/type must be a type name or a non-empty array of them (object, array, string, number, integer, boolean, null), but is an array.")]
    [InlineData("{\"oneOf\": []}", "(1,11) BN2004: #/oneOf must be a non-empty array of schemas, but is an array.")]
    [InlineData("{\"minimum\": \"1\"}", "(1,13) BN2004: #/minimum must be a number, but is a string.")]
    [InlineData("{\"uniqueItems\": \"yes\"}", "(1,17) BN2004: #/uniqueItems must be true or false, but is a string.")]
    [InlineData("{\"enum\": []}", "(1,10) BN2004: #/enum must list at least one allowed value, but is empty (no value would be valid).")]
    public void Keywords_must_have_the_types_json_schema_gives_them(string schema, string expected)
    {
        Assert.Equal(new[] { expected }, Validate.Schema(schema).Rendered());
    }

    [Fact]
    public void Schema_syntax_errors_use_the_schema_band()
    {
        Assert.Equal(new[] { "BN2001" }, Validate.Schema("{").Ids());
        Assert.Equal(new[] { "BN2002" }, Validate.Schema("{\"type\": \"object\", \"type\": \"string\"}").Ids());
    }

    [Fact]
    public void Nested_schemas_are_checked_everywhere_subschemas_appear()
    {
        string schema = "{\"items\": {\"type\": \"strin\"}, \"additionalProperties\": {\"type\": \"x\"}, \"anyOf\": [{\"type\": \"y\"}], \"items2\": {\"type\": \"z\"}}";
        Assert.Equal(3, Validate.Schema(schema).Count(d => d.Id == "BN2004"));
    }
}
