using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Xunit;

namespace ByteNite.Sdk.CodeGeneration.Tests;

/// <summary>A test schema's generated code, compiled in memory, used through reflection as a .NET service would use it.</summary>
internal sealed class GeneratedAssembly
{
    private static readonly Dictionary<string, GeneratedAssembly> Cache = new();
    private readonly Assembly _assembly;
    private readonly string _namespace;

    private GeneratedAssembly(string name)
    {
        _namespace = Generator.OptionsFor(name).Namespace;
        _assembly = RoslynCompiler.Compile(Generator.Clean(name), name);
    }

    public static GeneratedAssembly For(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out GeneratedAssembly? assembly))
            {
                assembly = new GeneratedAssembly(name);
                Cache[name] = assembly;
            }

            return assembly;
        }
    }

    public Type Type(string name) => _assembly.GetType(_namespace + "." + name, throwOnError: true)!;

    public object Deserialize(string typeName, string json) => JsonSerializer.Deserialize(json, Type(typeName))!;

    /// <summary>Deserialises and serialises again with the default options, as a service would send the parameters.</summary>
    public string RoundTrip(string typeName, string json) => Serialize(Deserialize(typeName, json));

    public static string Serialize(object value) => JsonSerializer.Serialize(value, value.GetType());

    public JsonException Rejects(string typeName, string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Type(typeName)));

    public object Enum(string typeName, string member) => System.Enum.Parse(Type(typeName), member);

    /// <summary>A new instance with the given properties set (required members are a compile-time check; reflection skips it).</summary>
    public object New(string typeName, params (string Property, object? Value)[] values)
    {
        object instance = Activator.CreateInstance(Type(typeName))!;
        foreach ((string property, object? value) in values)
        {
            Set(instance, property, value);
        }

        return instance;
    }

    public static object? Get(object instance, string property) =>
        instance.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.GetValue(instance);

    public static void Set(object instance, string property, object? value) =>
        instance.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.SetValue(instance, value);

    public static IReadOnlyList<string> Validate(object instance) =>
        (IReadOnlyList<string>)instance.GetType().GetMethod("Validate", System.Type.EmptyTypes)!.Invoke(instance, null)!;

    public IReadOnlyList<string> Validate(string typeName, string json) => Validate(Deserialize(typeName, json));
}
