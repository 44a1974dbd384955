using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ByteNite.Sdk.Model.Json;

namespace ByteNite.Sdk.Model.Schema;

/// <summary>
/// Applies compiled schemas to a value. With a sink it collects every violation; without one it stops at the first
/// (what anyOf, oneOf, not, if and contains need). Depth is bounded: values are at most 128 levels deep (the parser's
/// cap), $ref cycles that do not descend are cut at compile time, and a counter plus a stack probe stop the rest.
/// </summary>
internal sealed class SchemaEvaluator
{
    /// <summary>Nested schema applications on one path; far beyond any real schema, far below the stack's limit.</summary>
    internal const int MaxDepth = 1000;

    private int _depth;

    public bool Evaluate(SchemaNode schema, JsonNode instance, string pointer, List<SchemaViolation>? sink)
    {
        if (++_depth > MaxDepth)
        {
            throw new EvaluationTooDeepException();
        }

        try
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            return EvaluateCore(schema, instance, pointer, sink);
        }
        finally
        {
            _depth--;
        }
    }

    private bool EvaluateCore(SchemaNode s, JsonNode instance, string pointer, List<SchemaViolation>? sink)
    {
        if (s.BooleanValue is bool allowed)
        {
            return allowed || Fail(sink, s, "false", instance, ReportSpan(instance), pointer,
                JsonText.Render(instance) + " is not allowed here: the schema for it is false",
                "Remove this value.");
        }

        if (s.Ref is not null)
        {
            // Draft-07: $ref replaces every other keyword of its object. Unresolvable or cyclic: reported on the schema.
            return s.RefTarget is null || Evaluate(s.RefTarget, instance, pointer, sink);
        }

        bool valid = CheckValue(s, instance, pointer, sink);
        if (!valid && sink is null)
        {
            return false;
        }

        bool typed = instance switch
        {
            JsonObject obj => CheckObject(s, obj, pointer, sink),
            JsonArray array => CheckArray(s, array, pointer, sink),
            JsonString str => CheckString(s, str, pointer, sink),
            JsonNumber number => CheckNumber(s, number, pointer, sink),
            _ => true,
        };
        valid &= typed;
        if (!valid && sink is null)
        {
            return false;
        }

        return CheckApplicators(s, instance, pointer, sink) && valid;
    }

    private static bool CheckValue(SchemaNode s, JsonNode instance, string pointer, List<SchemaViolation>? sink)
    {
        bool valid = true;
        if (s.Types != JsonTypes.None && !HasType(s.Types, instance))
        {
            if (sink is null)
            {
                return false;
            }

            valid = Fail(sink, s, "type", instance, ReportSpan(instance), pointer,
                JsonText.Render(instance) + " is " + instance.KindName + ", but must be " + Describe(s.Types),
                TypeHint(s.Types, instance));
        }

        if (s.Enum is not null && !Contains(s.Enum.Items, instance))
        {
            if (sink is null)
            {
                return false;
            }

            string? guess = Suggest(instance, s.Enum.Items);
            valid = Fail(sink, s, "enum", instance, ReportSpan(instance), pointer,
                JsonText.Render(instance) + " is not one of the allowed values " + JsonText.List(s.Enum.Items),
                "Use one of the allowed values" + (guess is null ? "." : "; did you mean " + guess + "?"));
        }

        if (s.Const is not null && !JsonValues.AreEqual(s.Const, instance))
        {
            if (sink is null)
            {
                return false;
            }

            valid = Fail(sink, s, "const", instance, ReportSpan(instance), pointer,
                JsonText.Render(instance) + " is not " + JsonText.Render(s.Const) + ", the only allowed value",
                "Write " + JsonText.Render(s.Const) + ".");
        }

        return valid;
    }

    private bool CheckObject(SchemaNode s, JsonObject obj, string pointer, List<SchemaViolation>? sink)
    {
        bool valid = true;
        TextSpan brace = obj.OpeningBraceSpan;
        int count = obj.Properties.Count;
        if (s.MinProperties is long min && count < min)
        {
            if (sink is null)
            {
                return false;
            }

            valid = Fail(sink, s, "minProperties", obj, brace, pointer,
                "the object has " + JsonText.Count(count, "property", "properties") + ", but must have at least " + Number(min),
                "Add properties.");
        }

        if (s.MaxProperties is long max && count > max)
        {
            if (sink is null)
            {
                return false;
            }

            valid = Fail(sink, s, "maxProperties", obj, brace, pointer,
                "the object has " + JsonText.Count(count, "property", "properties") + ", but may have at most " + Number(max),
                "Remove properties.");
        }

        if (s.Required is not null)
        {
            foreach (string name in s.Required)
            {
                if (obj.Find(name) is null)
                {
                    if (sink is null)
                    {
                        return false;
                    }

                    valid = Fail(sink, s, "required", obj, brace, pointer,
                        "required property " + JsonText.Quote(name) + " is missing",
                        "Add " + JsonText.Quote(name) + " to this object.");
                }
            }
        }

        if (s.Dependencies is not null)
        {
            foreach (Dependency dependency in s.Dependencies)
            {
                if (obj.Find(dependency.Property) is null)
                {
                    continue;
                }

                if (dependency.RequiredProperties is not null)
                {
                    foreach (string name in dependency.RequiredProperties)
                    {
                        if (obj.Find(name) is null)
                        {
                            if (sink is null)
                            {
                                return false;
                            }

                            valid = Fail(sink, s, "dependencies", obj, brace, pointer,
                                JsonText.Quote(dependency.Property) + " is present, so " + JsonText.Quote(name) + " is required as well",
                                "Add " + JsonText.Quote(name) + ", or remove " + JsonText.Quote(dependency.Property) + ".");
                        }
                    }
                }
                else if (!Evaluate(dependency.Schema!, obj, pointer, sink))
                {
                    if (sink is null)
                    {
                        return false;
                    }

                    valid = false;
                }
            }
        }

        foreach (JsonProperty property in obj.Properties)
        {
            if (!CheckMember(s, property, pointer, sink))
            {
                if (sink is null)
                {
                    return false;
                }

                valid = false;
            }
        }

        return valid;
    }

    private bool CheckMember(SchemaNode s, JsonProperty property, string pointer, List<SchemaViolation>? sink)
    {
        bool valid = true;
        string at = JsonPointer.Append(pointer, property.Name);
        bool matched = false;
        if (s.Properties is not null && s.Properties.TryGetValue(property.Name, out SchemaNode? declared))
        {
            matched = true;
            valid = Evaluate(declared, property.Value, at, sink);
            if (!valid && sink is null)
            {
                return false;
            }
        }

        if (s.PatternProperties is not null)
        {
            foreach (PatternSchema pattern in s.PatternProperties)
            {
                bool? isMatch = Matches(pattern.Regex, property.Name);
                if (isMatch != false)
                {
                    matched = true;
                }

                if (isMatch == true && !Evaluate(pattern.Schema, property.Value, at, sink))
                {
                    if (sink is null)
                    {
                        return false;
                    }

                    valid = false;
                }
            }
        }

        if (!matched && s.AdditionalProperties is not null && !s.PatternPropertiesIncomplete)
        {
            if (s.AdditionalProperties.BooleanValue == false)
            {
                if (sink is null)
                {
                    return false;
                }

                string? guess = s.Properties is null ? null : Spelling.Nearest(property.Name, s.Properties.Keys);
                valid = Fail(sink, s, "additionalProperties", property.Value, property.NameSpan, at,
                    "property " + JsonText.Quote(property.Name) + " is not allowed" + AllowedNames(s),
                    guess is null ? "Remove it." : "Remove it, or did you mean " + JsonText.Quote(guess) + "?");
            }
            else if (!Evaluate(s.AdditionalProperties, property.Value, at, sink))
            {
                if (sink is null)
                {
                    return false;
                }

                valid = false;
            }
        }

        if (s.PropertyNames is not null)
        {
            var name = new JsonString(property.NameSpan, property.Name);
            var inner = sink is null ? null : new List<SchemaViolation>();
            if (!Evaluate(s.PropertyNames, name, at, inner))
            {
                if (sink is null)
                {
                    return false;
                }

                valid = false;
                foreach (SchemaViolation v in inner!)
                {
                    sink.Add(new SchemaViolation(v.Instance, v.Span, at, v.Keyword, v.SchemaLocation, "property name " + v.Message, "Rename the property. " + v.Hint));
                }
            }
        }

        return valid;
    }

    private bool CheckArray(SchemaNode s, JsonArray array, string pointer, List<SchemaViolation>? sink)
    {
        bool valid = true;
        var bracket = new TextSpan(array.Span.Start, 1);
        int count = array.Items.Count;
        if (s.MinItems is long min && count < min)
        {
            if (sink is null)
            {
                return false;
            }

            valid = Fail(sink, s, "minItems", array, bracket, pointer,
                "the array has " + JsonText.Count(count, "item") + ", but must have at least " + Number(min), "Add items.");
        }

        if (s.MaxItems is long max && count > max)
        {
            if (sink is null)
            {
                return false;
            }

            valid = Fail(sink, s, "maxItems", array, bracket, pointer,
                "the array has " + JsonText.Count(count, "item") + ", but may have at most " + Number(max), "Remove items.");
        }

        if (s.UniqueItems)
        {
            for (int j = 1; j < count; j++)
            {
                for (int i = 0; i < j; i++)
                {
                    if (JsonValues.AreEqual(array.Items[i], array.Items[j]))
                    {
                        if (sink is null)
                        {
                            return false;
                        }

                        valid = Fail(sink, s, "uniqueItems", array.Items[j], ReportSpan(array.Items[j]), JsonPointer.Append(pointer, j),
                            "item " + Number(j) + " equals item " + Number(i) + ", but the items must be unique", "Remove the duplicate.");
                        break;
                    }
                }
            }
        }

        for (int i = 0; i < count; i++)
        {
            SchemaNode? itemSchema = s.ItemsTuple is null ? s.Items : i < s.ItemsTuple.Count ? s.ItemsTuple[i] : s.AdditionalItems;
            if (itemSchema is null)
            {
                continue;
            }

            JsonNode item = array.Items[i];
            string at = JsonPointer.Append(pointer, i);
            if (s.ItemsTuple is not null && i >= s.ItemsTuple.Count && itemSchema.BooleanValue == false)
            {
                if (sink is null)
                {
                    return false;
                }

                valid = Fail(sink, s, "additionalItems", item, ReportSpan(item), at,
                    "item " + Number(i) + " is not allowed: the array may have at most " + JsonText.Count(s.ItemsTuple.Count, "item"),
                    "Remove the extra items.");
                continue;
            }

            if (!Evaluate(itemSchema, item, at, sink))
            {
                if (sink is null)
                {
                    return false;
                }

                valid = false;
            }
        }

        if (s.Contains is not null)
        {
            bool found = false;
            foreach (JsonNode item in array.Items)
            {
                if (Evaluate(s.Contains, item, pointer, null))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                if (sink is null)
                {
                    return false;
                }

                valid = Fail(sink, s, "contains", array, bracket, pointer,
                    "the array has no item that matches the schema in contains", "Add an item that matches " + s.KeywordLocation("contains") + ".");
            }
        }

        return valid;
    }

    private static bool CheckString(SchemaNode s, JsonString str, string pointer, List<SchemaViolation>? sink)
    {
        bool valid = true;
        if (s.MinLength is not null || s.MaxLength is not null)
        {
            long length = JsonValues.CodePointLength(str.Value);
            if (s.MinLength is long min && length < min)
            {
                if (sink is null)
                {
                    return false;
                }

                valid = Fail(sink, s, "minLength", str, str.Span, pointer,
                    JsonText.Render(str) + " is " + JsonText.Count(length, "character") + " long, but must have at least " + Number(min),
                    "Lengthen it to at least " + JsonText.Count(min, "character") + " (Unicode code points).");
            }

            if (s.MaxLength is long max && length > max)
            {
                if (sink is null)
                {
                    return false;
                }

                valid = Fail(sink, s, "maxLength", str, str.Span, pointer,
                    JsonText.Render(str) + " is " + JsonText.Count(length, "character") + " long, but may have at most " + Number(max),
                    "Shorten it to at most " + JsonText.Count(max, "character") + " (Unicode code points).");
            }
        }

        if (s.Pattern is not null)
        {
            bool? isMatch = Matches(s.Pattern, str.Value);
            if (isMatch != true)
            {
                if (sink is null)
                {
                    return false;
                }

                valid = Fail(sink, s, "pattern", str, str.Span, pointer,
                    isMatch is null
                        ? JsonText.Render(str) + " could not be checked against the pattern " + JsonText.Quote(s.PatternSource!) + " within " + EcmaRegex.MatchTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s"
                        : JsonText.Render(str) + " does not match the pattern " + JsonText.Quote(s.PatternSource!),
                    isMatch is null ? "Simplify the pattern in schema.json; it backtracks too much." : "Write a value that matches the pattern.");
            }
        }

        return valid;
    }

    private static bool CheckNumber(SchemaNode s, JsonNumber number, string pointer, List<SchemaViolation>? sink)
    {
        if (s.Minimum is null && s.Maximum is null && s.ExclusiveMinimum is null && s.ExclusiveMaximum is null && s.MultipleOf is null)
        {
            return true;
        }

        if (!JsonValues.TryGetDecimal(number, out JsonDecimal value))
        {
            return true;
        }

        bool valid = true;
        string text = number.RawText;
        if (s.Minimum is { } minimum && value.CompareTo(minimum.Value) < 0)
        {
            if (sink is null)
            {
                return false;
            }

            valid = Fail(sink, s, "minimum", number, number.Span, pointer, text + " is less than the minimum, " + minimum.Node.RawText, "Write a number of at least " + minimum.Node.RawText + ".");
        }

        if (s.ExclusiveMinimum is { } exclusiveMinimum && value.CompareTo(exclusiveMinimum.Value) <= 0)
        {
            if (sink is null)
            {
                return false;
            }

            valid = Fail(sink, s, "exclusiveMinimum", number, number.Span, pointer, text + " is not greater than " + exclusiveMinimum.Node.RawText, "Write a number greater than " + exclusiveMinimum.Node.RawText + ".");
        }

        if (s.Maximum is { } maximum && value.CompareTo(maximum.Value) > 0)
        {
            if (sink is null)
            {
                return false;
            }

            valid = Fail(sink, s, "maximum", number, number.Span, pointer, text + " is greater than the maximum, " + maximum.Node.RawText, "Write a number of at most " + maximum.Node.RawText + ".");
        }

        if (s.ExclusiveMaximum is { } exclusiveMaximum && value.CompareTo(exclusiveMaximum.Value) >= 0)
        {
            if (sink is null)
            {
                return false;
            }

            valid = Fail(sink, s, "exclusiveMaximum", number, number.Span, pointer, text + " is not less than " + exclusiveMaximum.Node.RawText, "Write a number less than " + exclusiveMaximum.Node.RawText + ".");
        }

        if (s.MultipleOf is { } divisor && !JsonDecimal.IsMultipleOf(value, divisor.Value))
        {
            if (sink is null)
            {
                return false;
            }

            valid = Fail(sink, s, "multipleOf", number, number.Span, pointer, text + " is not a multiple of " + divisor.Node.RawText, "Write a multiple of " + divisor.Node.RawText + ".");
        }

        return valid;
    }

    private bool CheckApplicators(SchemaNode s, JsonNode instance, string pointer, List<SchemaViolation>? sink)
    {
        bool valid = true;
        if (s.AllOf is not null)
        {
            foreach (SchemaNode part in s.AllOf)
            {
                if (!Evaluate(part, instance, pointer, sink))
                {
                    if (sink is null)
                    {
                        return false;
                    }

                    valid = false;
                }
            }
        }

        if (s.AnyOf is not null && !s.AnyOf.Exists(part => Evaluate(part, instance, pointer, null)))
        {
            if (sink is null)
            {
                return false;
            }

            valid = Fail(sink, s, "anyOf", instance, ReportSpan(instance), pointer,
                JsonText.Render(instance) + " matches none of the " + Number(s.AnyOf.Count) + " alternatives in anyOf: " + Reasons(s.AnyOf, instance, pointer),
                "Change it to match one of them.");
        }

        if (s.OneOf is not null)
        {
            var matching = new List<int>();
            for (int i = 0; i < s.OneOf.Count && matching.Count < 2; i++)
            {
                if (Evaluate(s.OneOf[i], instance, pointer, null))
                {
                    matching.Add(i);
                }
            }

            if (matching.Count != 1)
            {
                if (sink is null)
                {
                    return false;
                }

                valid = Fail(sink, s, "oneOf", instance, ReportSpan(instance), pointer,
                    matching.Count == 0
                        ? JsonText.Render(instance) + " matches none of the " + Number(s.OneOf.Count) + " alternatives in oneOf: " + Reasons(s.OneOf, instance, pointer)
                        : JsonText.Render(instance) + " matches alternatives " + Number(matching[0] + 1) + " and " + Number(matching[1] + 1) + " of oneOf, but must match exactly one",
                    matching.Count == 0 ? "Change it to match one of them." : "Change it so that exactly one alternative matches.");
            }
        }

        if (s.Not is not null && Evaluate(s.Not, instance, pointer, null))
        {
            if (sink is null)
            {
                return false;
            }

            valid = Fail(sink, s, "not", instance, ReportSpan(instance), pointer,
                JsonText.Render(instance) + " matches the schema in not, which it must not", "Change the value.");
        }

        if (s.If is not null)
        {
            SchemaNode? branch = Evaluate(s.If, instance, pointer, null) ? s.Then : s.Else;
            if (branch is not null && !Evaluate(branch, instance, pointer, sink))
            {
                valid = false;
            }
        }

        return valid;
    }

    /// <summary>Why each alternative fails, briefly: its first violation.</summary>
    private string Reasons(List<SchemaNode> alternatives, JsonNode instance, string pointer)
    {
        var reasons = new List<string>();
        for (int i = 0; i < alternatives.Count && i < 5; i++)
        {
            var inner = new List<SchemaViolation>();
            Evaluate(alternatives[i], instance, pointer, inner);
            string reason = inner.Count == 0
                ? "no reason given"
                : (inner[0].InstancePointer == pointer ? string.Empty : "at " + inner[0].InstancePointer + ", ") + inner[0].Message;
            reasons.Add("(" + Number(i + 1) + ") " + reason);
        }

        return string.Join("; ", reasons) + (alternatives.Count > 5 ? "; …" : string.Empty);
    }

    /// <summary>Null when the match timed out: the value is then reported as not checked, never silently accepted.</summary>
    private static bool? Matches(Regex regex, string value)
    {
        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static bool Fail(List<SchemaViolation>? sink, SchemaNode s, string keyword, JsonNode instance, TextSpan span, string pointer, string message, string hint)
    {
        sink?.Add(new SchemaViolation(instance, span, pointer, keyword, keyword == "false" ? s.Location : s.KeywordLocation(keyword), message, hint));
        return false;
    }

    /// <summary>Objects and arrays are reported at their opening brace or bracket, not underlined whole.</summary>
    internal static TextSpan ReportSpan(JsonNode instance) =>
        instance is JsonObject || instance is JsonArray ? new TextSpan(instance.Span.Start, 1) : instance.Span;

    private static bool HasType(JsonTypes types, JsonNode instance) => instance switch
    {
        JsonObject => (types & JsonTypes.Object) != 0,
        JsonArray => (types & JsonTypes.Array) != 0,
        JsonString => (types & JsonTypes.String) != 0,
        JsonBoolean => (types & JsonTypes.Boolean) != 0,
        JsonNumber n => (types & JsonTypes.Number) != 0
            || ((types & JsonTypes.Integer) != 0 && JsonValues.TryGetDecimal(n, out JsonDecimal d) && d.IsInteger),
        _ => (types & JsonTypes.Null) != 0,
    };

    private static readonly KeyValuePair<JsonTypes, string>[] TypeNames =
    {
        new(JsonTypes.Object, "an object"),
        new(JsonTypes.Array, "an array"),
        new(JsonTypes.String, "a string"),
        new(JsonTypes.Number, "a number"),
        new(JsonTypes.Integer, "an integer"),
        new(JsonTypes.Boolean, "a boolean"),
        new(JsonTypes.Null, "null"),
    };

    private static string Describe(JsonTypes types)
    {
        if ((types & JsonTypes.Number) != 0)
        {
            types &= ~JsonTypes.Integer; // every integer is a number
        }

        var names = new List<string>();
        foreach (KeyValuePair<JsonTypes, string> type in TypeNames)
        {
            if ((types & type.Key) != 0)
            {
                names.Add(type.Value);
            }
        }

        return names.Count == 1 ? names[0] : string.Join(", ", names.GetRange(0, names.Count - 1)) + " or " + names[names.Count - 1];
    }

    private static string TypeHint(JsonTypes types, JsonNode instance)
    {
        if (instance is JsonString s)
        {
            if ((types & (JsonTypes.Number | JsonTypes.Integer)) != 0 && JsonDecimal.TryParse(s.Value.Trim(), out JsonDecimal d)
                && ((types & JsonTypes.Number) != 0 || d.IsInteger))
            {
                return "Write the number without quotes: " + s.Value.Trim() + ".";
            }

            if ((types & JsonTypes.Boolean) != 0 && (s.Value == "true" || s.Value == "false"))
            {
                return "Write " + s.Value + " without quotes.";
            }
        }

        return "Write " + Describe(types) + ".";
    }

    private static bool Contains(IReadOnlyList<JsonNode> values, JsonNode instance)
    {
        foreach (JsonNode value in values)
        {
            if (JsonValues.AreEqual(value, instance))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An allowed string that differs only in case or by a typo, for "did you mean".</summary>
    private static string? Suggest(JsonNode instance, IReadOnlyList<JsonNode> allowed)
    {
        if (instance is not JsonString s)
        {
            return null;
        }

        var names = new List<string>();
        foreach (JsonNode value in allowed)
        {
            if (value is JsonString option)
            {
                names.Add(option.Value);
            }
        }

        string? nearest = Spelling.Nearest(s.Value, names);
        return nearest is null ? null : JsonText.Quote(nearest);
    }

    private static string AllowedNames(SchemaNode s)
    {
        if (s.Properties is null || s.Properties.Count == 0)
        {
            return s.PatternProperties is { Count: > 0 } ? string.Empty : ": this object takes no properties";
        }

        var names = new List<string>();
        foreach (string name in s.Properties.Keys)
        {
            if (names.Count == 10)
            {
                names.Add("…");
                break;
            }

            names.Add(JsonText.Quote(name));
        }

        return "; the schema allows " + string.Join(", ", names);
    }

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Thrown when nested schemas go deeper than <see cref="SchemaEvaluator.MaxDepth"/>; becomes one violation.</summary>
internal sealed class EvaluationTooDeepException : Exception
{
}
