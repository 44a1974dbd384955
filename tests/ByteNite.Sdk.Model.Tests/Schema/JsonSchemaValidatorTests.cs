using System.Linq;
using System.Text;
using ByteNite.Sdk.Model.Schema;
using Xunit;
using static ByteNite.Sdk.Model.Tests.Schema.SchemaTestHelpers;

namespace ByteNite.Sdk.Model.Tests.Schema;

/// <summary>What the test suite does not pin down: messages, locations, big numbers, code points, regex dialect, cycles, depth.</summary>
public class JsonSchemaValidatorTests
{
    private const string CaseSchema = """
        {
          "$id": "db://hello-world",
          "type": "object",
          "properties": {
            "case": { "type": "string", "enum": ["upper", "lower", "title"], "default": "upper" }
          },
          "required": ["case"],
          "additionalProperties": false
        }
        """;

    [Fact]
    public void Enum_violation_names_the_pointer_the_keyword_the_location_and_a_guess()
    {
        SchemaViolation violation = Assert.Single(Validator(CaseSchema).Validate(Value("""{ "case": "Upper" }""")));
        Assert.Equal("/case", violation.InstancePointer);
        Assert.Equal("enum", violation.Keyword);
        Assert.Equal("#/properties/case/enum", violation.SchemaLocation);
        Assert.Equal("\"Upper\" is not one of the allowed values \"upper\", \"lower\", \"title\"", violation.Message);
        Assert.Equal("Use one of the allowed values; did you mean \"upper\"?", violation.Hint);
    }

    [Fact]
    public void MaxLength_counts_code_points_not_utf16_units()
    {
        const string schema = """{ "maxLength": 1, "minLength": 1 }""";
        Assert.True(IsValid(schema, "\"😀\""));
        Assert.True(IsValid(schema, "\"é\""));
        Assert.Equal(new[] { "(root) maxLength #/maxLength: \"😀😀\" is 2 characters long, but may have at most 1" }, Violations(schema, "\"😀😀\""));
        // An unpaired surrogate is one code point too.
        Assert.True(IsValid(schema, "\"\\ud800\""));
    }

    [Theory]
    [InlineData("""{ "type": "integer" }""", "1.0", true)]
    [InlineData("""{ "type": "integer" }""", "1e2", true)]
    [InlineData("""{ "type": "integer" }""", "1.5", false)]
    [InlineData("""{ "maximum": 1e400 }""", "1e399", true)]
    [InlineData("""{ "maximum": 1e400 }""", "1e401", false)]
    [InlineData("""{ "minimum": -1e400 }""", "-1e401", false)]
    [InlineData("""{ "exclusiveMaximum": 18446744073709551616 }""", "18446744073709551615", true)]
    [InlineData("""{ "exclusiveMaximum": 18446744073709551616 }""", "18446744073709551616.0", false)]
    [InlineData("""{ "multipleOf": 0.01 }""", "0.07", true)]
    [InlineData("""{ "multipleOf": 0.01 }""", "0.075", false)]
    [InlineData("""{ "multipleOf": 0.5 }""", "1e400", true)]
    [InlineData("""{ "multipleOf": 3 }""", "1e400", false)]
    [InlineData("""{ "multipleOf": 1e-400 }""", "1", true)]
    [InlineData("""{ "multipleOf": 7 }""", "1e-999999999999999999999", false)]
    [InlineData("""{ "maximum": 1e999999999999999999999 }""", "1e999999999999999999998", true)]
    [InlineData("""{ "enum": [1] }""", "1.0", true)]
    [InlineData("""{ "enum": [0] }""", "-0.0e5", true)]
    [InlineData("""{ "const": { "a": [1, 2] } }""", """{ "a": [1.0, 2e0] }""", true)]
    [InlineData("""{ "uniqueItems": true }""", "[1, 1.0]", false)]
    [InlineData("""{ "uniqueItems": true }""", """[{ "a": 1, "b": 2 }, { "b": 2, "a": 1.0 }]""", false)]
    [InlineData("""{ "uniqueItems": true }""", "[1, \"1\", true, null]", true)]
    public void Numbers_compare_by_exact_value(string schema, string instance, bool valid)
    {
        Assert.Equal(valid, IsValid(schema, instance));
    }

    [Theory]
    [InlineData("^abc$", "abc\n", false)]          // $ is the very end, not before a final newline
    [InlineData("^\\d+$", "١٢٣", false)]          // \d is ASCII only
    [InlineData("^\\w+$", "école", false)]         // \w is ASCII only
    [InlineData("^\\p{Letter}+$", "école", true)]  // long Unicode property names
    [InlineData("^\\p{Lu}", "École", true)]
    [InlineData("^.$", "🐲", true)]                // . consumes a surrogate pair
    [InlineData("^🐲{2}$", "🐲🐲", true)]          // an astral literal is quantified as one character
    [InlineData("^[^a]$", "🐲", true)]
    [InlineData("^.$", "\u2028", false)]           // ECMA line terminators are not matched by .
    [InlineData("\\bcat\\b", "écat", true)]        // \b uses ECMA's ASCII word characters
    [InlineData("^[]$", "", false)]                // [] matches nothing
    [InlineData("^[^]$", "x", true)]               // [^] matches anything
    [InlineData("^\\u{1F432}$", "🐲", true)]
    [InlineData("^\\s$", "\uFEFF", true)]
    [InlineData("ab", "xaby", true)]               // patterns are not anchored
    public void Patterns_follow_ecma_262(string pattern, string value, bool valid)
    {
        string schema = "{ \"pattern\": " + Json(pattern) + " }";
        Assert.Equal(valid, IsValid(schema, Json(value)));
    }

    [Fact]
    public void Required_is_reported_at_the_object_and_additional_properties_at_the_key()
    {
        string[] found = Violations(CaseSchema, """{ "Case": "upper" }""");
        Assert.Equal(new[]
        {
            "(root) required #/required: required property \"case\" is missing",
            "/Case additionalProperties #/additionalProperties: property \"Case\" is not allowed; the schema allows \"case\"",
        }, found);
        var violations = Validator(CaseSchema).Validate(Value("""{ "Case": "upper" }"""));
        Assert.Equal(0, violations[0].Span.Start);
        Assert.Equal(1, violations[0].Span.Length);
        Assert.Equal(2, violations[1].Span.Start);
        Assert.Equal("\"Case\"".Length, violations[1].Span.Length);
        Assert.Equal("Remove it, or did you mean \"case\"?", violations[1].Hint);
    }

    [Fact]
    public void A_false_schema_rejects_the_value_it_applies_to()
    {
        Assert.Equal(new[] { "/x false #/properties/x: 1 is not allowed here: the schema for it is false" },
            Violations("""{ "properties": { "x": false, "y": true } }""", """{ "x": 1, "y": 2 }"""));
    }

    [Fact]
    public void Ref_siblings_are_ignored_and_locations_follow_the_ref()
    {
        const string schema = """
            {
              "definitions": { "input": { "type": "string", "maxLength": 3 } },
              "properties": { "prompt": { "$ref": "#/definitions/input", "maxLength": 100 } }
            }
            """;
        Assert.Equal(new[] { "/prompt maxLength #/definitions/input/maxLength: \"abcd\" is 4 characters long, but may have at most 3" },
            Violations(schema, """{ "prompt": "abcd" }"""));
    }

    [Fact]
    public void Ids_resolve_within_the_document()
    {
        const string schema = """
            {
              "$id": "db://app/root.json",
              "properties": {
                "a": { "$ref": "item.json" },
                "b": { "$ref": "#positive" },
                "c": { "$ref": "db://app/item.json#/definitions/small" }
              },
              "definitions": {
                "item": { "$id": "item.json", "type": "string", "definitions": { "small": { "maxLength": 1 } } },
                "positive": { "$id": "#positive", "minimum": 1 }
              }
            }
            """;
        Assert.True(IsValid(schema, """{ "a": "x", "b": 1, "c": "y" }"""));
        Assert.Equal(new[]
        {
            "/a type #/definitions/item/type: 1 is an integer, but must be a string",
            "/b minimum #/definitions/positive/minimum: 0 is less than the minimum, 1",
            "/c maxLength #/definitions/item/definitions/small/maxLength: \"yy\" is 2 characters long, but may have at most 1",
        }, Violations(schema, """{ "a": 1, "b": 0, "c": "yy" }"""));
        Assert.Empty(Validator(schema).Problems);
    }

    [Theory]
    [InlineData("""{ "$ref": "#" }""")]
    [InlineData("""{ "allOf": [{ "$ref": "#" }] }""")]
    [InlineData("""{ "$ref": "#/definitions/a", "definitions": { "a": { "$ref": "#/definitions/b" }, "b": { "anyOf": [{ "$ref": "#/definitions/a" }] } } }""")]
    [InlineData("""{ "if": { "$ref": "#/definitions/x" }, "definitions": { "x": { "not": { "$ref": "#" } } } }""")]
    public void Ref_cycles_that_never_descend_are_cut_and_reported(string schema)
    {
        JsonSchemaValidator validator = Validator(schema);
        SchemaProblem problem = Assert.Single(validator.Problems);
        Assert.Equal(SchemaProblemKind.ReferenceCycle, problem.Kind);
        Assert.True(validator.IsValid(Value("""{ "a": [1, 2] }""")));
    }

    [Fact]
    public void Recursion_through_properties_is_not_a_cycle_and_follows_the_value_to_its_depth()
    {
        const string schema = """{ "type": ["array", "integer"], "items": { "$ref": "#" } }""";
        string nested = new string('[', 127) + "1" + new string(']', 127);
        Assert.Empty(Validator(schema).Problems);
        Assert.True(IsValid(schema, nested));
        string[] found = Violations(schema, nested.Replace("1", "\"x\""));
        Assert.Equal("/0/0/0", found.Single().Substring(0, 6));
    }

    [Fact]
    public void Schemas_nested_too_deep_for_the_value_give_one_violation_not_a_crash()
    {
        // Each array level goes through 60 allOf levels before descending: 127 × 60 applications on one path.
        var schema = new StringBuilder("""{ "definitions": { "chain": """);
        for (int i = 0; i < 60; i++)
        {
            schema.Append("""{ "allOf": [""");
        }

        schema.Append("""{ "$ref": "#" }""").Append(string.Concat(Enumerable.Repeat("] }", 60)));
        schema.Append(""" }, "items": { "$ref": "#/definitions/chain" } }""");
        string nested = new string('[', 127) + new string(']', 127);
        var violation = Assert.Single(Validator(schema.ToString()).Validate(Value(nested)));
        Assert.Contains("could not be checked", violation.Message);
        Assert.False(Validator(schema.ToString()).IsValid(Value(nested)));
    }

    [Fact]
    public void Alternatives_explain_why_each_one_fails()
    {
        const string schema = """{ "properties": { "seed": { "anyOf": [{ "type": "integer", "minimum": 0 }, { "type": "null" }] } } }""";
        Assert.Equal(new[] { "/seed anyOf #/properties/seed/anyOf: -1 matches none of the 2 alternatives in anyOf: (1) -1 is less than the minimum, 0; (2) -1 is an integer, but must be null" },
            Violations(schema, """{ "seed": -1 }"""));
        Assert.Equal(new[] { "(root) oneOf #/oneOf: 5 matches alternatives 1 and 2 of oneOf, but must match exactly one" },
            Violations("""{ "oneOf": [{ "minimum": 1 }, { "maximum": 9 }] }""", "5"));
    }

    [Fact]
    public void Type_hints_say_what_to_write()
    {
        var violation = Assert.Single(Validator("""{ "properties": { "n": { "type": "integer" }, "b": { "type": "boolean" } } }""").Validate(Value("""{ "n": "5", "b": "true" }""")).Take(1));
        Assert.Equal("Write the number without quotes: 5.", violation.Hint);
        Assert.Equal("\"5\" is a string, but must be an integer", violation.Message);
    }

    [Fact]
    public void Problems_name_unresolved_remote_and_unusable_parts_without_stopping_the_rest()
    {
        const string schema = """
            {
              "properties": {
                "a": { "$ref": "#/definitions/missing" },
                "b": { "$ref": "https://example.com/common.json#/definitions/b" },
                "c": { "type": "string", "pattern": "^\\p{Script=Greek}+$" },
                "d": { "type": "string" }
              },
              "patternProperties": { "(": {} }
            }
            """;
        JsonSchemaValidator validator = Validator(schema);
        Assert.Equal(new[] { SchemaProblemKind.UnresolvedReference, SchemaProblemKind.RemoteReference, SchemaProblemKind.UnsupportedPattern, SchemaProblemKind.UnsupportedPattern },
            validator.Problems.Select(p => p.Kind));
        Assert.Equal(new[] { "#/properties/a/$ref", "#/properties/b/$ref", "#/properties/c/pattern", "#/patternProperties/(" }, validator.Problems.Select(p => p.SchemaLocation));
        Assert.Equal(new[] { "/d type #/properties/d/type: 1 is an integer, but must be a string" },
            Violations(schema, """{ "a": 1, "b": 1, "c": "abc", "d": 1 }"""));
    }

    [Fact]
    public void A_misspelt_definition_name_gets_a_suggestion()
    {
        SchemaProblem problem = Assert.Single(Validator("""{ "definitions": { "input": {} }, "$ref": "#/definitions/inputs" }""").Problems);
        Assert.Equal("there is no '/definitions/inputs' in this schema (did you mean '#/definitions/input'?)", problem.Detail);
    }

    private static string Json(string value)
    {
        var text = new StringBuilder("\"");
        foreach (char c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                _ => c < ' ' || char.IsSurrogate(c) || c == '\u2028' || c == '\uFEFF' ? "\\u" + ((int)c).ToString("x4") : c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }
}
