using Xunit;

namespace ByteNite.Sdk.EndToEnd.Tests;

/// <summary>The sample job parameters are checked against schema.json at build time, at the offending value.</summary>
[Collection(SdkCollection.Name)]
public sealed class SampleParamsTests
{
    private readonly SdkPackageFixture _sdk;

    public SampleParamsTests(SdkPackageFixture sdk) => _sdk = sdk;

    [Fact]
    public void A_value_the_schema_does_not_allow_fails_with_BN2010_at_the_value()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bn2010");
        app.Write("sample/params.json", "{\n  \"case\": \"Upper\"\n}\n");

        BuildResult result = app.Build();

        BuildAssert.Failed(result);
        BuildAssert.HasLine(result, app.PathOf("sample/params.json") + "(2,11): error BN2010: /case: \"Upper\" is not one of the allowed values \"upper\", \"lower\", \"title\" ('enum' at #/properties/case/enum in schema.json). Use one of the allowed values; did you mean \"upper\"?");
    }

    [Fact]
    public void A_params_file_named_by_the_property_is_the_one_checked()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bn2010-property");
        app.Write("jobs/nightly.json", "{\n  \"case\": 3\n}\n");
        app.WriteProject("<PropertyGroup><ByteNiteSampleParams>jobs/nightly.json</ByteNiteSampleParams></PropertyGroup>");

        BuildResult result = app.Build();

        BuildAssert.Failed(result);
        Assert.Contains(app.PathOf("jobs/nightly.json") + "(2,11): error BN2010: /case:", result.Output);
    }

    [Fact]
    public void Fixing_the_params_file_makes_the_next_build_pass()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bn2010-fix");
        app.Write("sample/params.json", "{ \"case\": \"loud\" }");
        BuildAssert.Failed(app.Build());

        app.Write("sample/params.json", "{ \"case\": \"title\" }");
        BuildAssert.Succeeded(app.Build());
    }
}
