using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ByteNite.Sdk.CodeGeneration.Emitting;
using ByteNite.Sdk.CodeGeneration.Model;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;
using ByteNite.Sdk.Model.Schema;
using NJsonSchema;

namespace ByteNite.Sdk.CodeGeneration.Reading;

/// <summary>
/// Builds the <see cref="ParamsModel"/> from NJsonSchema's schema model (types, properties, required names, resolved
/// references), paired at every step with the position-tracking tree of the same schema, which supplies the exact
/// literals (numbers, defaults, enum strings) and the positions of diagnostics.
/// </summary>
internal sealed class ParamsModelBuilder
{
    private static readonly string[] ObjectMembers = { "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals" };

    private static readonly string[] TypedKeywords =
    {
        "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "const",
    };

    /// <summary>Keywords that say nothing about which values are valid.</summary>
    private static readonly string[] Annotations =
    {
        "title", "description", "default", "examples", "$comment", "$id", "$schema", "format", "readOnly", "writeOnly",
        "deprecated", "x-enumNames",
    };

    private readonly SchemaDocument _document;
    private readonly ParamsCodeGeneratorOptions _options;
    private readonly List<Diagnostic> _diagnostics;
    private readonly NameScope _typeNames = new(new[] { CSharpEmitter.ConstraintAttribute, CSharpEmitter.Helpers });
    private readonly Dictionary<JsonNode, TypeModel> _types = new();
    private readonly List<PendingDefault> _defaults = new();
    private readonly Dictionary<JsonNode, SchemaViolation> _invalidDefaults = new();

    /// <summary>Schemas being built, to catch one that contains itself through arrays or maps only.</summary>
    private readonly HashSet<JsonNode> _building = new();
    private readonly string _prefix;
    private ParamsModel? _model;

    private ParamsModelBuilder(SchemaDocument document, ParamsCodeGeneratorOptions options, List<Diagnostic> diagnostics)
    {
        _document = document;
        _options = options;
        _diagnostics = diagnostics;
        string root = options.RootTypeName;
        foreach (DefaultValueViolation violation in new JsonSchemaValidator(document.File, document.Root).ValidateDefaults())
        {
            if (!_invalidDefaults.ContainsKey(violation.DefaultValue))
            {
                _invalidDefaults.Add(violation.DefaultValue, violation.Violation);
            }
        }

        _prefix = root.Length > "Params".Length && root.EndsWith("Params", StringComparison.Ordinal)
            ? root.Substring(0, root.Length - "Params".Length)
            : root;
    }

    private SourceFile File => _document.File;

    /// <summary>Null when the schema does not describe an object (the root problem is reported).</summary>
    public static ParamsModel? Build(SchemaDocument document, JsonSchema schema, ParamsCodeGeneratorOptions options, List<Diagnostic> diagnostics)
    {
        var builder = new ParamsModelBuilder(document, options, diagnostics);
        return builder.BuildRoot(new Site(schema, document.Root, "#"));
    }

    private ParamsModel? BuildRoot(Site site)
    {
        site = FollowRefs(site);
        while (site.Node is JsonObject wrapper && wrapper.Find("properties") is null
            && wrapper.Find("allOf") is JsonProperty { Value: JsonArray { Items.Count: 1 } only })
        {
            // {"allOf": [{"$ref": "#/definitions/params"}]}: the root is that schema.
            site = FollowRefs(new Site(site.Schema.AllOf.First(), only.Items[0], site.Pointer + "/allOf/0"));
        }

        if (site.Node is JsonObject node && node.Find("type") is JsonProperty type)
        {
            JsonObjectType types = site.Schema.Type & ~JsonObjectType.Null;
            if (types != JsonObjectType.Object)
            {
                Report(DiagnosticCatalog.CodeGenUnsupportedType, type.Value.Span,
                    "'type' at " + site.Pointer,
                    "the root of schema.json describes params.app, which the platform passes to the app as a JSON object, but 'type' allows " + DescribeTypes(site.Schema.Type),
                    "No code is generated; make the root \"type\": \"object\" with 'properties'.");
                return null;
            }
        }

        _typeNames.Reserve(_options.RootTypeName);
        var root = new ObjectTypeModel(_options.RootTypeName, site.Pointer, ReadDocs(site));
        _model = new ParamsModel(_options.Namespace, root);
        _types[site.Node] = root;
        _model.Types.Add(root);
        ReportComposition(site);
        PopulateObject(root, site, _prefix);
        foreach (PendingDefault pending in _defaults)
        {
            ApplyDefault(pending);
        }

        return _model;
    }

    /// <summary>
    /// Follows a chain of $ref to the schema that describes the value, on both sides: the tree (one hop at a time) and
    /// NJsonSchema's model, which collapses definitions that are only a $ref into their target.
    /// </summary>
    private Site FollowRefs(Site site)
    {
        if (site.Node is not JsonObject node || _document.RefTarget(node) is not JsonNode target)
        {
            return site;
        }

        // The document's own $ref was handed to NJsonSchema inside allOf (SchemaDocument.ToNJsonSchemaText).
        JsonSchema schema = node == _document.Root ? site.Schema.AllOf.First() : site.Schema;
        for (int hops = 0; schema.Reference is JsonSchema next && hops < 1000; hops++)
        {
            schema = next;
        }

        string pointer = RefPointer(node);
        while (target is JsonObject further && _document.RefTarget(further) is JsonNode nextTarget)
        {
            pointer = RefPointer(further);
            target = nextTarget;
        }

        return new Site(schema, target, pointer);
    }

    private string RefPointer(JsonObject node)
    {
        string reference = ((JsonString)node.Find("$ref")!.Value).Value;
        int hash = reference.IndexOf('#');
        return Uri.UnescapeDataString(reference.Substring(hash));
    }

    // ---- values ----

    private ValueModel BuildValue(Site site, string nameHint, string useSite)
    {
        if (site.Node is JsonBoolean boolean)
        {
            if (!boolean.Value)
            {
                Report(DiagnosticCatalog.CodeGenKeywordNotEnforced, boolean.Span, "false", site.Pointer,
                    "no value is valid here, but the generated property accepts any JSON value");
            }

            return new ValueModel(ValueKind.Any);
        }

        var node = (JsonObject)site.Node;
        if (_document.RefTarget(node) is not null)
        {
            ReportIgnoredRefSiblings(node, site.Pointer);
            Site target = FollowRefs(site);
            if (!_types.ContainsKey(target.Node) && _building.Contains(target.Node))
            {
                JsonProperty reference = node.Find("$ref")!;
                Report(DiagnosticCatalog.CodeGenUnsupportedRef, reference.Value.Span, ((JsonString)reference.Value).Value,
                    "it refers to a schema that contains itself only through arrays or maps, which has no C# type (List<List<...>> without end)");
                return new ValueModel(ValueKind.Any);
            }

            return BuildValue(target, DefinitionNameOrHint(target.Pointer, nameHint), useSite);
        }

        _building.Add(node);
        try
        {
            return BuildUnreferenced(site, node, nameHint, useSite);
        }
        finally
        {
            _building.Remove(node);
        }
    }

    private ValueModel BuildUnreferenced(Site site, JsonObject node, string nameHint, string useSite)
    {

        if (_document.HasBrokenRef(node))
        {
            return new ValueModel(ValueKind.Any);
        }

        if (TryBuildComposition(site, nameHint, useSite, out ValueModel? composed))
        {
            return composed!;
        }

        ReportUnenforcedKeywords(node, site.Pointer);
        JsonObjectType declared = site.Schema.Type;
        bool nullable = (declared & JsonObjectType.Null) != 0;
        JsonObjectType types = declared & ~(JsonObjectType.Null | JsonObjectType.File);
        if (types == (JsonObjectType.Integer | JsonObjectType.Number))
        {
            types = JsonObjectType.Number;
        }

        if (node.Find("enum") is JsonProperty enumProperty && enumProperty.Value is JsonArray enumValues)
        {
            // Null is valid only when both allow it: 'type' (or no 'type') and the list of 'enum'.
            bool enumAllowsNull = enumValues.Items.Any(v => v is JsonNull) && (nullable || types == JsonObjectType.None);
            return WithNull(BuildEnum(site, node, enumValues, types, nameHint, useSite), enumAllowsNull);
        }

        if (types == JsonObjectType.None)
        {
            if (nullable)
            {
                JsonProperty type = node.Find("type")!;
                Report(DiagnosticCatalog.CodeGenUnsupportedType, type.Value.Span, "'type' at " + site.Pointer,
                    "the value is always null", "The property is generated as System.Text.Json.JsonElement; remove it, or give it a type such as [\"string\", \"null\"].");
                return new ValueModel(ValueKind.Any) { AllowsNull = true };
            }

            types = InferType(node);
            if (types == JsonObjectType.None)
            {
                foreach (JsonProperty keyword in node.Properties.Where(p => SchemaKeywords.IsOneOf(p.Name, TypedKeywords)))
                {
                    Report(DiagnosticCatalog.CodeGenKeywordNotEnforced, keyword.NameSpan, keyword.Name, site.Pointer,
                        "the schema declares no 'type', so the value is generated as System.Text.Json.JsonElement, which Validate() does not check; add \"type\"");
                }

                return new ValueModel(ValueKind.Any);
            }
        }
        else if (!IsSingleType(types))
        {
            JsonProperty type = node.Find("type")!;
            Report(DiagnosticCatalog.CodeGenUnsupportedType, type.Value.Span, "'type' at " + site.Pointer,
                "a value that may be " + DescribeTypes(declared) + " has no one C# type",
                "The value is generated as System.Text.Json.JsonElement and Validate() does not check it; use one type, or one type and \"null\".");
            return new ValueModel(ValueKind.Any) { AllowsNull = nullable };
        }

        ValueModel value = types switch
        {
            JsonObjectType.String => BuildString(site, node),
            JsonObjectType.Integer => BuildInteger(node, site.Pointer),
            JsonObjectType.Number => BuildNumber(node, ValueKind.Double, site.Pointer),
            JsonObjectType.Boolean => new ValueModel(ValueKind.Boolean),
            JsonObjectType.Array => BuildArray(site, node, nameHint, useSite),
            _ => BuildObject(site, node, nameHint, useSite),
        };
        AddConst(site, node, value);
        return WithNull(value, nullable);
    }

    private static ValueModel WithNull(ValueModel value, bool nullable)
    {
        value.AllowsNull |= nullable;
        return value;
    }

    private static bool IsSingleType(JsonObjectType types) => types is JsonObjectType.String or JsonObjectType.Integer
        or JsonObjectType.Number or JsonObjectType.Boolean or JsonObjectType.Array or JsonObjectType.Object;

    /// <summary>Schemas without "type" whose keywords say what they describe; the docs' own example has none at its root.</summary>
    private static JsonObjectType InferType(JsonObject node)
    {
        if (node.Find("properties") is not null || node.Find("required") is not null || node.Find("additionalProperties") is not null
            || node.Find("patternProperties") is not null)
        {
            return JsonObjectType.Object;
        }

        return node.Find("items") is not null ? JsonObjectType.Array : JsonObjectType.None;
    }

    private bool TryBuildComposition(Site site, string nameHint, string useSite, out ValueModel? value)
    {
        var node = (JsonObject)site.Node;
        value = null;
        foreach (string keyword in SchemaKeywords.SchemaArrays)
        {
            if (node.Find(keyword) is not JsonProperty property || property.Value is not JsonArray list)
            {
                continue;
            }

            ICollection<JsonSchema> schemas = keyword switch
            {
                "allOf" => site.Schema.AllOf,
                "anyOf" => site.Schema.AnyOf,
                _ => site.Schema.OneOf,
            };
            Site[] members = list.Items.Select((item, i) => new Site(schemas.ElementAt(i), item, site.Pointer + "/" + keyword + "/" + i)).ToArray();
            int nullIndex = keyword != "allOf" && members.Length == 2 ? Array.FindIndex(members, IsNullSchema) : -1;
            if (members.Length == 1 || nullIndex >= 0)
            {
                // One subschema (or one and null): that value, with the constraints written next to the keyword as further checks.
                value = BuildValue(members[nullIndex >= 0 ? 1 - nullIndex : 0], nameHint, useSite);
                value.AllowsNull |= nullIndex >= 0;
                AddConstraints(node, value, site.Pointer);
                ReportUnmergedKeywords(site, property, value);
                return true;
            }

            Report(DiagnosticCatalog.CodeGenUnsupportedComposition, property.NameSpan, keyword, site.Pointer,
                keyword == "allOf"
                    ? "a value that must match " + members.Length + " schemas at once is not one C# type"
                    : "a value that may match any of " + members.Length + " different schemas is not one C# type");
            value = new ValueModel(ValueKind.Any);
            return true;
        }

        return false;
    }

    /// <summary>Keywords next to allOf/anyOf/oneOf that the generated type cannot take on as further checks.</summary>
    private void ReportUnmergedKeywords(Site site, JsonProperty composition, ValueModel value)
    {
        var node = (JsonObject)site.Node;
        JsonObjectType declared = site.Schema.Type & ~JsonObjectType.Null;
        string[] unmerged = node.Properties
            .Where(p => p != composition && !SchemaKeywords.IsOneOf(p.Name, Annotations) && !p.Name.StartsWith("x-", StringComparison.Ordinal)
                && ConstraintFor(p.Name, value.Kind) is null && !(p.Name == "type" && TypeAgrees(declared, value.Kind)))
            .Select(p => p.Name)
            .ToArray();
        if (unmerged.Length > 0)
        {
            Report(DiagnosticCatalog.CodeGenUnsupportedComposition, composition.NameSpan, composition.Name, site.Pointer,
                "the generated type is the one of its schema, and '" + string.Join("', '", unmerged) + "' next to '" + composition.Name
                + "' cannot be added to it; move them into the schema inside '" + composition.Name + "'");
        }
    }

    private static bool TypeAgrees(JsonObjectType declared, ValueKind kind) => kind switch
    {
        ValueKind.String or ValueKind.Enum => declared == JsonObjectType.String,
        ValueKind.Int32 or ValueKind.Int64 => declared is JsonObjectType.Integer or JsonObjectType.Number or (JsonObjectType.Integer | JsonObjectType.Number),
        ValueKind.Double => declared is JsonObjectType.Number or (JsonObjectType.Integer | JsonObjectType.Number),
        ValueKind.Boolean => declared == JsonObjectType.Boolean,
        ValueKind.List => declared == JsonObjectType.Array,
        ValueKind.Object or ValueKind.Map => declared == JsonObjectType.Object,
        _ => false,
    };

    private bool IsNullSchema(Site site)
    {
        Site resolved = FollowRefs(site);
        return resolved.Node is JsonObject node
            && ((node.Find("type")?.Value is JsonString { Value: "null" })
                || (node.Find("enum")?.Value is JsonArray { Items.Count: 1 } values && values.Items[0] is JsonNull)
                || node.Find("const")?.Value is JsonNull);
    }

    /// <summary>An object whose composition was not followed still gets its own properties; the rest is reported.</summary>
    private void ReportComposition(Site site)
    {
        if (site.Node is not JsonObject node)
        {
            return;
        }

        foreach (string keyword in SchemaKeywords.SchemaArrays)
        {
            if (node.Find(keyword) is JsonProperty property)
            {
                Report(DiagnosticCatalog.CodeGenUnsupportedComposition, property.NameSpan, keyword, site.Pointer,
                    "the generated class has the properties declared next to it, and the schemas in '" + keyword + "' are not merged into it");
            }
        }

        ReportUnenforcedKeywords(node, site.Pointer);
    }

    private ValueModel BuildString(Site site, JsonObject node)
    {
        var value = new ValueModel(ValueKind.String);
        AddConstraints(node, value, site.Pointer);
        return value;
    }

    private ValueModel BuildInteger(JsonObject node, string pointer)
    {
        bool lowerFits = BoundFitsInt32(node, "minimum") || BoundFitsInt32(node, "exclusiveMinimum");
        bool upperFits = BoundFitsInt32(node, "maximum") || BoundFitsInt32(node, "exclusiveMaximum");
        return BuildNumber(node, lowerFits && upperFits ? ValueKind.Int32 : ValueKind.Int64, pointer);
    }

    private static bool BoundFitsInt32(JsonObject node, string keyword) =>
        node.Find(keyword)?.Value is JsonNumber number
        && double.TryParse(number.RawText, NumberStyles.Float, CultureInfo.InvariantCulture, out double bound)
        && bound >= int.MinValue && bound <= int.MaxValue;

    private ValueModel BuildNumber(JsonObject node, ValueKind kind, string pointer)
    {
        var value = new ValueModel(kind);
        AddConstraints(node, value, pointer);
        return value;
    }

    private ValueModel BuildArray(Site site, JsonObject node, string nameHint, string useSite)
    {
        ValueModel element;
        JsonProperty? items = node.Find("items");
        if (items?.Value is JsonArray)
        {
            Report(DiagnosticCatalog.CodeGenKeywordNotEnforced, items.NameSpan, "items", site.Pointer,
                "a list of schemas (one per position) has no one C# element type, so the items are generated as System.Text.Json.JsonElement and not checked");
            element = new ValueModel(ValueKind.Any);
        }
        else if (items is not null)
        {
            JsonSchema itemSchema = site.Schema.Item ?? throw new InvalidOperationException("NJsonSchema has no 'items' at " + site.Pointer);
            element = BuildValue(new Site(itemSchema, items.Value, site.Pointer + "/items"), nameHint + "Item", "items of " + useSite);
        }
        else
        {
            element = new ValueModel(ValueKind.Any);
        }

        var value = new ValueModel(ValueKind.List) { Element = element };
        AddConstraints(node, value, site.Pointer);
        if (node.Find("uniqueItems") is JsonProperty { Value: JsonBoolean { Value: true } } unique
            && element.Kind is ValueKind.Any or ValueKind.Object or ValueKind.List or ValueKind.Map)
        {
            value.Constraints.RemoveAll(c => c.Kind == ConstraintKind.UniqueItems);
            Report(DiagnosticCatalog.CodeGenKeywordNotEnforced, unique.NameSpan, "uniqueItems", site.Pointer,
                "Validate() compares items of strings, numbers, booleans and enums only, and these items are " + (element.Kind == ValueKind.Any ? "of any type" : "objects or arrays"));
        }

        return value;
    }

    private ValueModel BuildObject(Site site, JsonObject node, string nameHint, string useSite)
    {
        bool hasProperties = node.Find("properties") is not null || node.Find("required") is JsonProperty { Value: JsonArray { Items.Count: > 0 } };
        JsonProperty? additional = node.Find("additionalProperties");
        bool closed = additional?.Value is JsonBoolean { Value: false };
        if (!hasProperties && !closed)
        {
            ValueModel element = additional?.Value is JsonObject && site.Schema.AdditionalPropertiesSchema is not null
                ? BuildValue(new Site(site.Schema.AdditionalPropertiesSchema!, additional.Value, site.Pointer + "/additionalProperties"), nameHint + "Value", "values of " + useSite)
                : new ValueModel(ValueKind.Any);
            var map = new ValueModel(ValueKind.Map) { Element = element };
            AddConstraints(node, map, site.Pointer);
            ReportPatternProperties(node, site.Pointer, "the map's values are checked against 'additionalProperties' only");
            return map;
        }

        if (!_types.TryGetValue(node, out TypeModel? type))
        {
            var created = new ObjectTypeModel(TypeName(site.Pointer, nameHint), site.Pointer, ReadDocs(site));
            _types[node] = created;
            _model!.Types.Add(created);
            PopulateObject(created, site, created.Name);
            type = created;
        }

        foreach (string keyword in new[] { "minProperties", "maxProperties" })
        {
            if (node.Find(keyword) is JsonProperty count)
            {
                Report(DiagnosticCatalog.CodeGenKeywordNotEnforced, count.NameSpan, keyword, site.Pointer,
                    "Validate() counts the entries of maps (objects without 'properties') only");
            }
        }

        return new ValueModel(ValueKind.Object) { Type = type };
    }

    private void PopulateObject(ObjectTypeModel type, Site site, string typeBase)
    {
        if (site.Node is not JsonObject node)
        {
            return;
        }

        // The helper class too: a member of that name would hide it from Validate().
        var memberNames = new NameScope(ObjectMembers.Concat(new[] { type.Name, "Validate", CSharpEmitter.Helpers }));
        var required = new HashSet<string>();
        var requiredOrder = new List<string>();
        if (node.Find("required")?.Value is JsonArray requiredList)
        {
            foreach (JsonNode item in requiredList.Items)
            {
                if (item is JsonString name && required.Add(name.Value))
                {
                    requiredOrder.Add(name.Value);
                }
            }
        }

        JsonProperty? additional = node.Find("additionalProperties");
        type.DisallowUnknownMembers = additional?.Value is JsonBoolean { Value: false };
        if (additional?.Value is JsonObject)
        {
            Report(DiagnosticCatalog.CodeGenKeywordNotEnforced, additional.NameSpan, "additionalProperties", site.Pointer,
                "members other than 'properties' are ignored when the class is read, and the class cannot write them");
        }

        ReportPatternProperties(node, site.Pointer, "members other than 'properties' are ignored when the class is read");
        var declared = new HashSet<string>();
        if (node.Find("properties")?.Value is JsonObject properties)
        {
            foreach (JsonProperty property in properties.Properties)
            {
                declared.Add(property.Name);
                string pointer = site.Pointer + "/properties/" + SchemaKeywords.EscapePointer(property.Name);
                JsonSchema propertySchema = site.Schema.Properties.TryGetValue(property.Name, out JsonSchemaProperty? p)
                    ? p
                    : throw new InvalidOperationException("NJsonSchema has no property at " + pointer);
                var propertySite = new Site(propertySchema, property.Value, pointer);
                string name = MemberName(memberNames, pointer, property.Name);
                ValueModel value = BuildValue(propertySite, typeBase + CSharpNames.ToPascalCase(property.Name, "Value"), "'" + property.Name + "'");
                var model = new PropertyModel(property.Name, name, value, required.Contains(property.Name)) { Docs = ReadDocs(propertySite) };
                type.Properties.Add(model);
                if (FindAnnotation(propertySite, "default") is JsonProperty defaultProperty)
                {
                    _defaults.Add(new PendingDefault(model, defaultProperty.Value, pointer));
                }
            }
        }

        // A required name without a schema still has to be sent: any JSON value will do.
        foreach (string name in requiredOrder.Where(n => !declared.Contains(n)))
        {
            string pointer = site.Pointer + "/properties/" + SchemaKeywords.EscapePointer(name);
            type.Properties.Add(new PropertyModel(name, MemberName(memberNames, pointer, name), new ValueModel(ValueKind.Any), required: true));
        }
    }

    private void ReportPatternProperties(JsonObject node, string pointer, string consequence)
    {
        if (node.Find("patternProperties") is JsonProperty patternProperties)
        {
            Report(DiagnosticCatalog.CodeGenKeywordNotEnforced, patternProperties.NameSpan, "patternProperties", pointer, consequence);
        }
    }

    private ValueModel BuildEnum(Site site, JsonObject node, JsonArray values, JsonObjectType types, string nameHint, string useSite)
    {
        JsonNode[] nonNull = values.Items.Where(v => v is not JsonNull).ToArray();
        string? problem = null;
        ValueModel? value = null;
        if (nonNull.Length == 0)
        {
            problem = "it lists no value other than null";
        }
        else if (nonNull.All(v => v is JsonString))
        {
            if (types is JsonObjectType.None or JsonObjectType.String)
            {
                return new ValueModel(ValueKind.Enum) { Type = GetOrCreateEnum(site, node, nonNull.Cast<JsonString>(), nameHint, useSite) };
            }

            problem = "'type' says " + DescribeTypes(types) + ", but the values are strings";
        }
        else if (nonNull.All(v => v is JsonNumber))
        {
            bool integers = nonNull.All(v => IsIntegral(((JsonNumber)v).RawText));
            if (types is JsonObjectType.None or JsonObjectType.Number || (types == JsonObjectType.Integer && integers))
            {
                // Without "type": "integer", 1.0 is as valid as 1 (draft-06 and later), so only a double holds every valid value.
                value = types != JsonObjectType.Integer ? BuildNumber(node, ValueKind.Double, site.Pointer) : BuildInteger(node, site.Pointer);
            }
            else
            {
                problem = "'type' says " + DescribeTypes(types) + ", but the values are " + (integers ? "integers" : "numbers");
            }
        }
        else if (nonNull.All(v => v is JsonBoolean))
        {
            if (types is JsonObjectType.None or JsonObjectType.Boolean)
            {
                value = new ValueModel(ValueKind.Boolean);
            }
            else
            {
                problem = "'type' says " + DescribeTypes(types) + ", but the values are booleans";
            }
        }
        else
        {
            problem = nonNull.Any(v => v is JsonObject or JsonArray)
                ? "it lists objects or arrays, which a C# enum cannot hold"
                : "it mixes values of different JSON types (" + string.Join(", ", nonNull.Select(v => v.Kind.ToString().ToLowerInvariant()).Distinct()) + ")";
        }

        if (problem is not null)
        {
            Report(DiagnosticCatalog.CodeGenUnsupportedEnum, values.Span, site.Pointer, problem, "System.Text.Json.JsonElement");
            return new ValueModel(ValueKind.Any);
        }

        value!.Constraints.Add(new Constraint(ConstraintKind.AllowedValues, string.Empty) { Values = nonNull.Select(CompactJson.Write).ToArray() });
        return value;
    }

    private void AddConst(Site site, JsonObject node, ValueModel value)
    {
        if (node.Find("const") is not JsonProperty constant)
        {
            return;
        }

        bool fits = constant.Value switch
        {
            JsonString => value.Kind == ValueKind.String,
            JsonNumber n => value.Kind == ValueKind.Double || (value.Kind is ValueKind.Int32 or ValueKind.Int64 && IsIntegral(n.RawText)),
            JsonBoolean => value.Kind == ValueKind.Boolean,
            _ => false,
        };
        if (fits)
        {
            value.Constraints.Add(new Constraint(ConstraintKind.AllowedValues, string.Empty) { Values = new[] { CompactJson.Write(constant.Value) } });
        }
        else
        {
            Report(DiagnosticCatalog.CodeGenKeywordNotEnforced, constant.NameSpan, "const", site.Pointer,
                "Validate() compares strings, numbers and booleans only, against a value of the declared 'type'");
        }
    }

    private EnumTypeModel GetOrCreateEnum(Site site, JsonObject node, IEnumerable<JsonString> values, string nameHint, string useSite)
    {
        if (_types.TryGetValue(node, out TypeModel? existing))
        {
            var known = (EnumTypeModel)existing;
            if (!known.UseSites.Contains(useSite))
            {
                known.UseSites.Add(useSite);
            }

            return known;
        }

        string name = TypeName(site.Pointer, nameHint);
        var type = new EnumTypeModel(name, site.Pointer, ReadDocs(site), _typeNames.Claim(name + "JsonConverter"));
        type.UseSites.Add(useSite);
        _types[node] = type;
        _model!.Types.Add(type);

        string[]? overrides = null;
        if (node.Find("x-enumNames") is JsonProperty names)
        {
            overrides = ReadEnumNames(names, values.Count());
        }

        var memberNames = new NameScope(new[] { "value__", name });
        var seen = new HashSet<string>();
        // x-enumNames has one name per item of 'enum', repeated values included: the index counts every item.
        int index = -1;
        foreach (JsonString value in values)
        {
            index++;
            if (!seen.Add(value.Value))
            {
                continue;
            }

            string member = overrides?[index] ?? CSharpNames.ToPascalCase(value.Value, value.Value.Length == 0 ? "Empty" : "Value");
            type.Members.Add(new EnumMemberModel(memberNames.Claim(member), value.Value));
        }

        return type;
    }

    private string[]? ReadEnumNames(JsonProperty names, int count)
    {
        if (names.Value is JsonArray list && list.Items.Count == count && list.Items.All(n => n is JsonString s && CSharpNames.IsValidIdentifier(s.Value)))
        {
            return list.Items.Select(n => ((JsonString)n).Value).ToArray();
        }

        Report(DiagnosticCatalog.CodeGenInvalidName, names.Value.Span, "'x-enumNames'", "enum member list",
            "it must be an array of " + count + " C# identifiers, one per value of 'enum' in order; the names are made from the values instead");
        return null;
    }

    // ---- constraints ----

    private void AddConstraints(JsonObject node, ValueModel value, string pointer)
    {
        foreach (JsonProperty property in node.Properties)
        {
            ConstraintKind? kind = ConstraintFor(property.Name, value.Kind);
            if (kind is null)
            {
                continue;
            }

            if (kind == ConstraintKind.UniqueItems)
            {
                if (property.Value is JsonBoolean { Value: true })
                {
                    value.Constraints.Add(new Constraint(ConstraintKind.UniqueItems, "true"));
                }

                continue;
            }

            if (kind == ConstraintKind.Pattern)
            {
                if (property.Value is JsonString pattern && TranslatePattern(property, pattern, pointer) is { } translated)
                {
                    value.Constraints.Add(new Constraint(ConstraintKind.Pattern, pattern.Value) { DotNetPattern = translated });
                }

                continue;
            }

            if (property.Value is JsonNumber number && CheckBound(property, number, kind.Value, pointer))
            {
                value.Constraints.Add(new Constraint(kind.Value, number.RawText));
            }
        }
    }

    private static ConstraintKind? ConstraintFor(string keyword, ValueKind kind)
    {
        switch (kind)
        {
            case ValueKind.String:
                return keyword switch
                {
                    "minLength" => ConstraintKind.MinLength,
                    "maxLength" => ConstraintKind.MaxLength,
                    "pattern" => ConstraintKind.Pattern,
                    _ => null,
                };
            case ValueKind.Int32:
            case ValueKind.Int64:
            case ValueKind.Double:
                return keyword switch
                {
                    "minimum" => ConstraintKind.Minimum,
                    "maximum" => ConstraintKind.Maximum,
                    "exclusiveMinimum" => ConstraintKind.ExclusiveMinimum,
                    "exclusiveMaximum" => ConstraintKind.ExclusiveMaximum,
                    "multipleOf" => ConstraintKind.MultipleOf,
                    _ => null,
                };
            case ValueKind.List:
                return keyword switch
                {
                    "minItems" => ConstraintKind.MinItems,
                    "maxItems" => ConstraintKind.MaxItems,
                    "uniqueItems" => ConstraintKind.UniqueItems,
                    _ => null,
                };
            case ValueKind.Map:
                return keyword switch
                {
                    "minProperties" => ConstraintKind.MinProperties,
                    "maxProperties" => ConstraintKind.MaxProperties,
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>The pattern as .NET runs it with ECMA-262's meaning, the translation the params validator uses, so that Validate() and the build agree.</summary>
    private string? TranslatePattern(JsonProperty property, JsonString pattern, string pointer)
    {
        if (EcmaRegex.TryCreate(pattern.Value, out string? error) is { } regex)
        {
            return regex.ToString();
        }

        Report(DiagnosticCatalog.CodeGenKeywordNotEnforced, property.Value.Span, "pattern", pointer,
            "the SDK cannot run \"" + pattern.Value + "\" as an ECMA-262 regular expression (" + error + "), so Validate() does not check it");
        return null;
    }

    private bool CheckBound(JsonProperty property, JsonNumber number, ConstraintKind kind, string pointer)
    {
        bool finite = double.TryParse(number.RawText, NumberStyles.Float, CultureInfo.InvariantCulture, out double bound)
            && !double.IsInfinity(bound);
        bool positive = !finite || bound > 0;
        if (finite && (kind != ConstraintKind.MultipleOf || positive))
        {
            return true;
        }

        Report(DiagnosticCatalog.CodeGenKeywordNotEnforced, property.Value.Span, property.Name, pointer,
            finite ? "it must be greater than 0" : number.RawText + " is beyond the range of a double, so Validate() does not compare against it");
        return false;
    }

    // ---- defaults ----

    private void ApplyDefault(PendingDefault pending)
    {
        PropertyModel property = pending.Property;
        property.Docs.DefaultJson = CompactJson.Write(pending.Value);
        if (property.Required)
        {
            // A required member is always set by the caller; the default is documentation (forms start from it).
            return;
        }

        if (pending.Value is JsonNull)
        {
            return;
        }

        if (_invalidDefaults.TryGetValue(pending.Value, out SchemaViolation? violation))
        {
            // A default the schema rejects would be sent whenever the caller leaves the property unset.
            Report(DiagnosticCatalog.CodeGenDefaultNotUsed, pending.Value.Span, pending.Pointer,
                "it violates its own schema (" + (violation.InstancePointer.Length == 0 ? string.Empty : violation.InstancePointer + ": ") + violation.Message
                + "), so the property starts unset instead; BN2011 reports the default itself");
            return;
        }

        if (DefaultValues.Write(property.Value, pending.Value, t => t.Name, out string? problem) is null)
        {
            Report(DiagnosticCatalog.CodeGenDefaultNotUsed, pending.Value.Span, pending.Pointer, problem!);
            return;
        }

        property.Default = pending.Value;
    }

    // ---- annotations and names ----

    /// <summary>An annotation of the property's own schema, else of the schema it refers to (or wraps in allOf/anyOf).</summary>
    private JsonProperty? FindAnnotation(Site site, string keyword)
    {
        for (int depth = 0; depth < 32 && site.Node is JsonObject node; depth++)
        {
            if (node.Find(keyword) is JsonProperty found)
            {
                return found;
            }

            if (_document.RefTarget(node) is not null)
            {
                site = FollowRefs(site);
                continue;
            }

            JsonProperty? wrapper = SchemaKeywords.SchemaArrays.Select(node.Find).FirstOrDefault(p => p?.Value is JsonArray);
            if (wrapper?.Value is not JsonArray list || list.Items.Count is 0 or > 2)
            {
                return null;
            }

            JsonSchema wrapped = (wrapper.Name switch { "allOf" => site.Schema.AllOf, "anyOf" => site.Schema.AnyOf, _ => site.Schema.OneOf }).First();
            site = new Site(wrapped, list.Items[0], site.Pointer + "/" + wrapper.Name + "/0");
        }

        return null;
    }

    private Documentation ReadDocs(Site site)
    {
        string? title = (FindAnnotation(site, "title")?.Value as JsonString)?.Value;
        string? description = (FindAnnotation(site, "description")?.Value as JsonString)?.Value;
        var docs = new Documentation(Blank(title), Blank(description))
        {
            Format = (FindAnnotation(site, "format")?.Value as JsonString)?.Value,
        };
        return docs;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

    private string TypeName(string pointer, string hint)
    {
        if (_options.TypeNames.TryGetValue(pointer, out string? chosen))
        {
            if (CSharpNames.IsValidIdentifier(chosen) && !_typeNames.IsUsed(chosen))
            {
                _typeNames.Reserve(chosen);
                return chosen;
            }

            ReportOption("type name for " + pointer + " \"" + chosen + "\"", "type name",
                CSharpNames.IsValidIdentifier(chosen) ? "another generated type already has it" : "it is not an identifier");
        }

        return _typeNames.Claim(hint);
    }

    private string MemberName(NameScope scope, string pointer, string jsonName)
    {
        if (_options.PropertyNames.TryGetValue(pointer, out string? chosen))
        {
            if (CSharpNames.IsValidIdentifier(chosen) && !scope.IsUsed(chosen))
            {
                scope.Reserve(chosen);
                return chosen;
            }

            ReportOption("property name for " + pointer + " \"" + chosen + "\"", "property name",
                CSharpNames.IsValidIdentifier(chosen) ? "another member of the class already has it" : "it is not an identifier");
        }

        return scope.Claim(CSharpNames.ToPascalCase(jsonName, jsonName.Length == 0 ? "Empty" : "Value"));
    }

    private static string? DefinitionName(string pointer)
    {
        foreach (string container in new[] { "#/definitions/", "#/$defs/" })
        {
            if (pointer.StartsWith(container, StringComparison.Ordinal) && pointer.IndexOf('/', container.Length) < 0)
            {
                string name = pointer.Substring(container.Length).Replace("~1", "/").Replace("~0", "~");
                return CSharpNames.ToPascalCase(name, "Definition");
            }
        }

        return null;
    }

    private string DefinitionNameOrHint(string pointer, string hint) => DefinitionName(pointer) is string name ? _prefix + name : hint;

    private void ReportIgnoredRefSiblings(JsonObject node, string pointer)
    {
        foreach (JsonProperty sibling in node.Properties)
        {
            if (SchemaKeywords.IsOneOf(sibling.Name, TypedKeywords) || sibling.Name is "type" or "enum" or "const" or "properties" or "items" or "required" or "additionalProperties")
            {
                Report(DiagnosticCatalog.CodeGenKeywordNotEnforced, sibling.NameSpan, sibling.Name, pointer,
                    "in draft-06/07 every keyword next to '$ref' is ignored, so validators ignore it too; wrap both in \"allOf\": [{ \"$ref\": ... }, { ... }] to apply it");
            }
        }
    }

    private void ReportUnenforcedKeywords(JsonObject node, string pointer)
    {
        foreach (JsonProperty property in node.Properties)
        {
            string? why = property.Name switch
            {
                "not" => "no C# type says what a value is not",
                "if" or "then" or "else" => "conditional schemas are not generated",
                "contains" => "Validate() does not search arrays for a matching item",
                "propertyNames" => "Validate() does not check member names",
                "dependencies" => "Validate() does not check dependencies between members",
                "additionalItems" => node.Find("items")?.Value is JsonArray ? "items beyond the listed positions are not checked" : null,
                _ => null,
            };
            if (why is not null)
            {
                Report(DiagnosticCatalog.CodeGenKeywordNotEnforced, property.NameSpan, property.Name, pointer, why);
            }
        }
    }

    // ---- helpers ----

    private static bool IsIntegral(string raw) =>
        decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value) && value == decimal.Truncate(value);

    private static string DescribeTypes(JsonObjectType types)
    {
        var names = new List<string>();
        foreach (JsonObjectType t in new[] { JsonObjectType.String, JsonObjectType.Integer, JsonObjectType.Number, JsonObjectType.Boolean, JsonObjectType.Array, JsonObjectType.Object, JsonObjectType.Null })
        {
            if ((types & t) != 0)
            {
                names.Add(t.ToString().ToLowerInvariant());
            }
        }

        return names.Count == 0 ? "any type" : string.Join(" or ", names);
    }

    private void Report(DiagnosticDescriptor descriptor, TextSpan span, params object[] args) =>
        _diagnostics.Add(Diagnostic.Create(descriptor, File, span, args));

    /// <summary>A problem with the caller's options: reported against schema.json without a position.</summary>
    private void ReportOption(params object[] args) =>
        _diagnostics.Add(Diagnostic.CreateForFile(DiagnosticCatalog.CodeGenInvalidName, File.Path, args));

    private readonly struct Site
    {
        public Site(JsonSchema schema, JsonNode node, string pointer)
        {
            Schema = schema;
            Node = node;
            Pointer = pointer;
        }

        public JsonSchema Schema { get; }

        public JsonNode Node { get; }

        public string Pointer { get; }
    }

    private sealed class PendingDefault
    {
        public PendingDefault(PropertyModel property, JsonNode value, string pointer)
        {
            Property = property;
            Value = value;
            Pointer = pointer;
        }

        public PropertyModel Property { get; }

        public JsonNode Value { get; }

        public string Pointer { get; }
    }
}
