using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace ByteNite.Sdk.CodeGeneration.Tests;

/// <summary>The generated types on the wire: exactly the JSON the app's Python code reads, through System.Text.Json's defaults.</summary>
public class SerializationTests
{
    private static GeneratedAssembly HelloWorld => GeneratedAssembly.For("hello-world");

    [Theory]
    [InlineData("""{"case":"upper"}""")]
    [InlineData("""{"case":"lower"}""")]
    [InlineData("""{"case":"title"}""")]
    public void The_seed_example_round_trips_byte_for_byte(string json)
    {
        Assert.Equal(json, HelloWorld.RoundTrip("HelloWorldParams", json));
    }

    [Fact]
    public void An_enum_set_in_CSharp_is_written_as_the_schema_string()
    {
        object parameters = HelloWorld.New("HelloWorldParams", ("Case", HelloWorld.Enum("HelloWorldCase", "Title")));
        Assert.Equal("""{"case":"title"}""", GeneratedAssembly.Serialize(parameters));
    }

    [Theory]
    [InlineData("""{"case":"Upper"}""", "\"Upper\"")]
    [InlineData("""{"case":"UPPER"}""", "\"UPPER\"")]
    [InlineData("""{"case":0}""", "a number")]
    [InlineData("""{"case":null}""", "null")]
    public void An_enum_rejects_other_values_naming_the_property_and_the_allowed_strings(string json, string found)
    {
        JsonException e = HelloWorld.Rejects("HelloWorldParams", json);
        Assert.Contains("'case' must be one of \"upper\", \"lower\", \"title\", but is " + found, e.Message);
        Assert.Equal("$.case", e.Path);
    }

    [Fact]
    public void A_missing_required_property_fails_deserialisation()
    {
        JsonException e = HelloWorld.Rejects("HelloWorldParams", "{}");
        Assert.Contains("case", e.Message);
    }

    [Fact]
    public void Unknown_members_are_ignored_when_the_schema_allows_them()
    {
        Assert.Equal("""{"case":"lower"}""", HelloWorld.RoundTrip("HelloWorldParams", """{"case":"lower","extra":1}"""));
    }

    [Theory]
    [InlineData("""{"name":"a","unknown":1}""")]
    [InlineData("""{"name":"a","limits":{"cpu":1,"gpu":1}}""")]
    public void Unknown_members_are_rejected_when_additionalProperties_is_false(string json)
    {
        JsonException e = GeneratedAssembly.For("closed-objects").Rejects("ClosedObjectsParams", json);
        Assert.Contains(json.Contains("gpu") ? "gpu" : "unknown", e.Message);
    }

    [Fact]
    public void Open_nested_objects_and_maps_accept_unknown_members()
    {
        var closed = GeneratedAssembly.For("closed-objects");
        Assert.Equal("""{"name":"a","extra":{"note":"n"},"env":{"A":"1"}}""",
            closed.RoundTrip("ClosedObjectsParams", """{"name":"a","extra":{"note":"n","other":true},"env":{"A":"1"}}"""));
    }

    [Fact]
    public void Defaults_apply_when_properties_are_absent_and_are_sent()
    {
        var numbers = GeneratedAssembly.For("numbers");
        object parameters = numbers.Deserialize("NumbersParams", """{"count":1}""");
        Assert.Equal(30, GeneratedAssembly.Get(parameters, "Steps"));
        Assert.Equal(7.5, GeneratedAssembly.Get(parameters, "Guidance"));
        Assert.Null(GeneratedAssembly.Get(parameters, "Temperature"));
        Assert.Equal("""{"count":1,"steps":30,"guidance":7.5,"whole":2}""", GeneratedAssembly.Serialize(parameters));
    }

    [Fact]
    public void Defaults_of_every_kind_are_initial_values()
    {
        var defaults = GeneratedAssembly.For("defaults");
        object parameters = defaults.Deserialize("DefaultsParams", "{}");
        Assert.Equal(
            """{"name":"\u00DCn\u00EFcode \u0022quoted\u0022\n","enabled":true,"sizes":[1,2,3],"empty":[],"headers":{"Accept":"text/plain"},"retry":{"count":5,"backoff":1.5},"meta":{"a":[1,null]}}""",
            GeneratedAssembly.Serialize(parameters));
        Assert.Equal("Ünïcode \"quoted\"\n", GeneratedAssembly.Get(parameters, "Name"));
    }

    [Fact]
    public void A_default_of_a_referenced_enum_and_a_required_nullable_member_are_written()
    {
        var definitions = GeneratedAssembly.For("definitions");
        Assert.Equal("""{"fg":"red","bg":"green","origin":{"x":1,"y":2},"label":null}""",
            definitions.RoundTrip("DefinitionsParams", """{"fg":"red","origin":{"x":1,"y":2},"label":null}"""));
    }

    [Fact]
    public void A_required_nullable_member_must_still_be_present()
    {
        JsonException e = GeneratedAssembly.For("definitions").Rejects("DefinitionsParams", """{"fg":"red","origin":{"x":1,"y":2}}""");
        Assert.Contains("label", e.Message);
    }

    [Fact]
    public void Optional_members_that_are_null_are_left_out()
    {
        var nested = GeneratedAssembly.For("nested-objects");
        string json = """{"prompt":"cat","output":{"format":"png","size":{"width":512,"height":512}}}""";
        Assert.Equal(json, nested.RoundTrip("NestedObjectsParams", json));
        Assert.Equal("""{"prompt":"cat","output":{"format":"webp","size":{"width":64,"height":512}},"seed":7}""",
            nested.RoundTrip("NestedObjectsParams", """{"seed":7,"prompt":"cat","output":{"size":{"width":64},"format":"webp"}}"""));
    }

    [Fact]
    public void Nested_required_members_are_enforced()
    {
        JsonException e = GeneratedAssembly.For("nested-objects").Rejects("NestedObjectsParams", """{"prompt":"cat","output":{"size":{"height":64}}}""");
        Assert.Contains("width", e.Message);
    }

    [Theory]
    [InlineData("a-b", "AB")]
    [InlineData("1x", "_1x")]
    [InlineData("", "Empty")]
    [InlineData("class", "Class")]
    [InlineData("A B", "AB2")]
    [InlineData("a_b", "AB3")]
    [InlineData("UPPER", "Upper")]
    [InlineData("ToString", "ToString")]
    [InlineData("value__", "Value")]
    [InlineData("Ünï", "Ünï")]
    public void Awkward_enum_strings_get_CSharp_names_and_keep_their_JSON(string value, string member)
    {
        var awkward = GeneratedAssembly.For("awkward-enums");
        string json = "{\"mode\":" + JsonSerializer.Serialize(value) + "}";
        object parameters = awkward.Deserialize("AwkwardEnumsParams", json);
        Assert.Equal(awkward.Enum("AwkwardEnumsMode", member), GeneratedAssembly.Get(parameters, "Mode"));
        Assert.Equal(json.Replace("\"level\":2,", string.Empty), GeneratedAssembly.Serialize(parameters).Replace(",\"level\":2", string.Empty));
    }

    [Fact]
    public void Enum_member_names_can_be_chosen_with_x_enumNames()
    {
        var awkward = GeneratedAssembly.For("awkward-enums");
        object parameters = awkward.New("AwkwardEnumsParams", ("Mode", awkward.Enum("AwkwardEnumsMode", "AB")), ("Named", awkward.Enum("AwkwardEnumsNamed", "High")));
        Assert.Equal("""{"mode":"a-b","level":2,"named":"hi"}""", GeneratedAssembly.Serialize(parameters));
    }

    [Fact]
    public void A_string_enum_that_allows_null_reads_and_writes_null()
    {
        var awkward = GeneratedAssembly.For("awkward-enums");
        object parameters = awkward.Deserialize("AwkwardEnumsParams", """{"mode":"","maybe":"no"}""");
        Assert.Equal(awkward.Enum("AwkwardEnumsMaybe", "No"), GeneratedAssembly.Get(parameters, "Maybe"));
        Assert.Null(GeneratedAssembly.Get(awkward.Deserialize("AwkwardEnumsParams", """{"mode":"","maybe":null}"""), "Maybe"));
    }

    [Fact]
    public void Arrays_maps_and_enums_in_arrays_round_trip()
    {
        var arrays = GeneratedAssembly.For("arrays");
        string json = """{"urls":["https://a.example/"],"weights":[0.25,0.75],"stages":[{"name":"fetch","retries":3}],"tags":["fast","good"],"matrix":[[1,2],[]],"anything":[1,"x",null,{"a":[]}],"labels":{"a/b":"x"}}""";
        Assert.Equal(json, arrays.RoundTrip("ArraysParams", json));
    }

    [Fact]
    public void Enums_in_arrays_reject_other_strings_naming_the_items()
    {
        JsonException e = GeneratedAssembly.For("arrays").Rejects("ArraysParams", """{"urls":[],"tags":["fast","Good"]}""");
        Assert.Contains("items of 'tags' must be one of \"fast\", \"cheap\", \"good\", but is \"Good\"", e.Message);
    }

    [Fact]
    public void Reserved_words_and_odd_names_keep_their_JSON_names()
    {
        var reserved = GeneratedAssembly.For("reserved-words");
        string json = """{"class":"c","event":true,"string":"s","default":1,"Validate":true,"reservedWordsParams":"r","ToString":"t","my-value":"a","my_value":"b","":"e","@type":"t","path/to":"p","errors":"x","reservedWordsKind":"k","kind":"old"}""";
        object parameters = reserved.Deserialize("ReservedWordsParams", json);
        Assert.Equal(json, GeneratedAssembly.Serialize(parameters));
        Assert.Equal(true, GeneratedAssembly.Get(parameters, "Validate2"));
        Assert.Equal("e", GeneratedAssembly.Get(parameters, "Empty"));
        Assert.Equal("b", GeneratedAssembly.Get(parameters, "MyValue2"));
    }

    [Fact]
    public void The_docs_example_reads_its_prompt()
    {
        var docs = GeneratedAssembly.For("docs-prompt");
        Assert.Equal("""{"prompt":"a red fox"}""", docs.RoundTrip("DocsPromptParams", """{"prompt":"a red fox"}"""));
        Assert.Contains("prompt", docs.Rejects("DocsPromptParams", "{}").Message);
    }

    [Fact]
    public void Null_set_on_an_optional_property_whose_schema_allows_null_and_has_a_default_is_written()
    {
        GeneratedAssembly edge = GeneratedAssembly.For("edge-cases");
        object parameters = edge.New("EdgeCasesParams", ("Choice", edge.Enum("EdgeCasesChoice", "B")));

        // Unset: the default; set to null: null, which the app could not tell from its default if the key were left out.
        Assert.Equal("""{"nullable_default":"abc","choice":"b"}""", GeneratedAssembly.Serialize(parameters));
        GeneratedAssembly.Set(parameters, "NullableDefault", null);
        Assert.Equal("""{"nullable_default":null,"choice":"b"}""", GeneratedAssembly.Serialize(parameters));
    }

    [Fact]
    public void An_enum_that_does_not_list_null_is_not_nullable_even_when_type_allows_null()
    {
        GeneratedAssembly edge = GeneratedAssembly.For("edge-cases");

        Assert.Equal(edge.Type("EdgeCasesChoice"), edge.Type("EdgeCasesParams").GetProperty("Choice")!.PropertyType);
        edge.Rejects("EdgeCasesParams", """{"choice":null}""");
    }

    [Fact]
    public void Enum_names_follow_every_item_of_enum_repeated_values_included()
    {
        GeneratedAssembly edge = GeneratedAssembly.For("edge-cases");

        Assert.Equal(new[] { "Fast", "Slow" }, System.Enum.GetNames(edge.Type("EdgeCasesMode")));
        object parameters = edge.New("EdgeCasesParams", ("Choice", edge.Enum("EdgeCasesChoice", "A")), ("Mode", edge.Enum("EdgeCasesMode", "Slow")));
        Assert.Equal("""{"nullable_default":"abc","choice":"a","mode":"slow"}""", GeneratedAssembly.Serialize(parameters));
    }
}
