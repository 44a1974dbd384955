using System.Linq;
using Xunit;

namespace ByteNite.Sdk.CodeGeneration.Tests;

/// <summary>Validate(): what deserialisation does not check, with JSON-pointer paths.</summary>
public class ValidateTests
{
    private static GeneratedAssembly Docs => GeneratedAssembly.For("docs-prompt");

    private static string[] Errors(string schema, string type, string json) =>
        GeneratedAssembly.For(schema).Validate(type, json).ToArray();

    [Fact]
    public void MaxLength_counts_code_points_so_an_emoji_is_one()
    {
        string fifty = string.Concat(Enumerable.Repeat("😀", 50));
        Assert.Empty(GeneratedAssembly.Validate(Docs.New("DocsPromptParams", ("Prompt", fifty))));
        Assert.Equal(
            new[] { "/prompt: must be at most 50 characters" },
            GeneratedAssembly.Validate(Docs.New("DocsPromptParams", ("Prompt", fifty + "😀"))));
        Assert.Equal(
            new[] { "/prompt: must be at most 50 characters" },
            GeneratedAssembly.Validate(Docs.New("DocsPromptParams", ("Prompt", new string('a', 51)))));
    }

    [Fact]
    public void Patterns_have_their_ECMA_262_meaning_as_in_the_builds_validation()
    {
        GeneratedAssembly edge = GeneratedAssembly.For("edge-cases");
        // .NET alone would let "$" match before a final line feed, "\s" miss U+00A0 and "." take half of an emoji.
        Assert.Equal(new[] { "/word: must match the pattern ^[a-z]+$" }, GeneratedAssembly.Validate(edge.New("EdgeCasesParams", ("Choice", edge.Enum("EdgeCasesChoice", "A")), ("Word", "abc\n"))));
        Assert.Empty(GeneratedAssembly.Validate(edge.New("EdgeCasesParams", ("Choice", edge.Enum("EdgeCasesChoice", "A")), ("Word", "abc"), ("Spacey", "\u00A0"), ("Single", "😀"))));
        Assert.Equal(new[] { "/spacey: must match the pattern ^\\s$" }, GeneratedAssembly.Validate(edge.New("EdgeCasesParams", ("Choice", edge.Enum("EdgeCasesChoice", "A")), ("Spacey", "x"))));
    }

    [Fact]
    public void A_property_named_like_the_helper_class_is_renamed_and_still_checked()
    {
        GeneratedAssembly edge = GeneratedAssembly.For("edge-cases");

        Assert.Equal(new[] { "/params_support: must be at most 3 characters" }, GeneratedAssembly.Validate(edge.New("EdgeCasesParams", ("Choice", edge.Enum("EdgeCasesChoice", "A")), ("ParamsSupport2", "abcd"))));
    }

    [Fact]
    public void A_lone_surrogate_counts_as_one_code_point()
    {
        Assert.Empty(GeneratedAssembly.Validate(Docs.New("DocsPromptParams", ("Prompt", new string('\uD83D', 50)))));
    }

    [Fact]
    public void A_null_where_the_schema_allows_none_is_reported()
    {
        // System.Text.Json assigns JSON null to a non-nullable string without complaint; Validate() does not.
        Assert.Equal(new[] { "/prompt: must not be null" }, Docs.Validate("DocsPromptParams", """{"prompt":null}"""));
    }

    [Fact]
    public void Nested_objects_are_checked_with_their_paths()
    {
        Assert.Equal(
            new[] { "/prompt: must be at least 1 character", "/output/size/width: must be at least 64", "/output/size/height: must be a multiple of 8" },
            Errors("nested-objects", "NestedObjectsParams", """{"prompt":"","output":{"size":{"width":8,"height":100}}}"""));
        Assert.Equal(
            new[] { "/output/size/width: must be at most 2048", "/output/size/width: must be a multiple of 8" },
            Errors("nested-objects", "NestedObjectsParams", """{"prompt":"p","output":{"size":{"width":2049}}}"""));
        Assert.Empty(Errors("nested-objects", "NestedObjectsParams", """{"prompt":"p","output":{"size":{"width":2048}},"seed":null}"""));
    }

    [Fact]
    public void Array_items_are_checked_with_their_indexes()
    {
        string longUrl = new string('u', 2049);
        Assert.Equal(
            new[] { "/urls: must not contain the same item twice", "/urls/2: must be at most 2048 characters", "/weights/1: must be greater than 0", "/weights/2: must be at most 1", "/matrix/1/0: must be at least 0" },
            Errors("arrays", "ArraysParams", "{\"urls\":[\"a\",\"a\",\"" + longUrl + "\"],\"weights\":[0.5,0,1.5],\"matrix\":[[0],[-1]]}"));
        Assert.Equal(new[] { "/urls: must have at least 1 item" }, Errors("arrays", "ArraysParams", """{"urls":[]}"""));
        Assert.Equal(new[] { "/urls: must have at most 100 items" },
            Errors("arrays", "ArraysParams", "{\"urls\":[" + string.Join(",", Enumerable.Range(0, 101).Select(i => "\"" + i + "\"")) + "]}"));
    }

    [Fact]
    public void Items_and_map_values_that_are_null_are_reported()
    {
        Assert.Equal(
            new[] { "/urls/0: must not be null", "/stages/0: must not be null", "/labels/a~1b: must not be null" },
            Errors("arrays", "ArraysParams", """{"urls":[null],"stages":[null],"labels":{"a/b":null}}"""));
    }

    [Fact]
    public void Objects_in_arrays_and_map_values_are_checked()
    {
        Assert.Equal(
            new[] { "/stages/1/retries: must be at least 0", "/labels/x~0y: must be at most 10 characters" },
            Errors("arrays", "ArraysParams", """{"urls":["a"],"stages":[{"name":"a"},{"name":"b","retries":-1}],"labels":{"x~y":"01234567890"}}"""));
    }

    [Fact]
    public void Unique_enums_in_arrays_are_checked()
    {
        Assert.Equal(new[] { "/tags: must not contain the same item twice" }, Errors("arrays", "ArraysParams", """{"urls":["a"],"tags":["fast","fast"]}"""));
    }

    [Theory]
    [InlineData("""{"count":1,"steps":0}""", "/steps: must be at least 1")]
    [InlineData("""{"count":1,"steps":151}""", "/steps: must be at most 150")]
    [InlineData("""{"count":1,"guidance":0}""", "/guidance: must be greater than 0")]
    [InlineData("""{"count":1,"guidance":20}""", "/guidance: must be less than 20")]
    [InlineData("""{"count":1,"strength":0.07}""", "/strength: must be a multiple of 0.05")]
    [InlineData("""{"count":1,"strength":1e-12}""", "/strength: must be a multiple of 0.05")] // within any tolerance of 0, but no multiple
    [InlineData("""{"count":1,"strength":1.05}""", "/strength: must be at most 1.0")]
    [InlineData("""{"count":1,"even":3}""", "/even: must be a multiple of 2")]
    [InlineData("""{"count":1,"half":0}""", "/half: must be at least 0.5")]
    [InlineData("""{"count":1,"half":1000}""", "/half: must be less than 1e3")]
    [InlineData("""{"count":1,"big":-1}""", "/big: must be at least 0")]
    [InlineData("""{"count":1,"big":10000000001}""", "/big: must be at most 10000000000")]
    public void Number_bounds_are_checked(string json, string error)
    {
        Assert.Equal(new[] { error }, Errors("numbers", "NumbersParams", json));
    }

    [Theory]
    [InlineData("""{"count":-9223372036854775808,"steps":1,"guidance":19.999,"strength":0.15,"even":-4,"half":1,"big":10000000000,"temperature":-1e300}""")]
    [InlineData("""{"count":0,"strength":0,"even":0}""")]
    [InlineData("""{"count":0,"strength":0.95}""")]
    [InlineData("""{"count":0,"strength":0.35}""")] // 0.35 / 0.05 is 6.999999999999999 in double arithmetic
    public void Values_within_bounds_pass(string json)
    {
        Assert.Empty(Errors("numbers", "NumbersParams", json));
    }

    [Theory]
    [InlineData("""{"name":"Abc"}""", "/name: must match the pattern ^[a-z][a-z0-9-]*$")]
    [InlineData("""{"name":"a","limits":{"cpu":0}}""", "/limits/cpu: must be at least 0.1")]
    [InlineData("""{"name":"a","env":{"a":"1","b":"2","c":"3","d":"4","e":"5","f":"6"}}""", "/env: must have at most 5 entries")]
    public void Patterns_nested_bounds_and_map_sizes_are_checked(string json, string error)
    {
        Assert.Equal(new[] { error }, Errors("closed-objects", "ClosedObjectsParams", json));
    }

    [Fact]
    public void Patterns_are_searches_as_in_JSON_Schema()
    {
        Assert.Empty(Errors("closed-objects", "ClosedObjectsParams", """{"name":"a-1"}"""));
    }

    [Fact]
    public void Enums_of_numbers_and_booleans_and_nullable_strings_are_checked()
    {
        Assert.Equal(new[] { "/level: must be one of 1, 2, 3", "/ratio: must be one of 0.5, 1, 1.5", "/flag: must be true" },
            Errors("awkward-enums", "AwkwardEnumsParams", """{"mode":"","level":4,"ratio":2,"flag":false}"""));
        Assert.Empty(Errors("awkward-enums", "AwkwardEnumsParams", """{"mode":"","level":3,"ratio":1.0,"flag":true}"""));
    }

    [Fact]
    public void Paths_escape_slashes_and_tildes_in_names()
    {
        Assert.Equal(new[] { "/path~1to: must be at most 3 characters", "/errors: must be at most 3 characters" },
            Errors("reserved-words", "ReservedWordsParams", """{"class":"c","path/to":"long","errors":"long"}"""));
    }

    [Fact]
    public void Referenced_and_recursive_types_are_checked()
    {
        Assert.Equal(new[] { "/label: must be at most 5 characters", "/next/path/0: must not be null", "/next/label: must be at most 5 characters" },
            Errors("definitions", "DefinitionsParams", """{"fg":"red","origin":{"x":0,"y":0},"label":"123456","next":{"fg":"red","origin":{"x":0,"y":0},"label":"123456","path":[null]}}"""));
    }
}
