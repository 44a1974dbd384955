using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;
using Xunit;

namespace ByteNite.Sdk.Model.Tests;

/// <summary>The canonical line a diagnostic is printed as, and reading it back (the local runner's output, in its MSBuild task).</summary>
public sealed class CanonicalFormatTests
{
    [Fact]
    public void A_located_diagnostic_reads_back_with_its_code_file_position_and_message()
    {
        var file = new SourceFile("/apps/hello world/manifest.json", "{\n  \"version\": \"0.4.0\"\n}\n");
        Diagnostic written = Diagnostic.Create(DiagnosticCatalog.InvalidVersion, file, new TextSpan(15, 7), "\"0.4.0\"", "details: (a, b): c");

        Assert.True(Diagnostic.TryParseCanonical(written.ToString(), out Diagnostic? read));

        Assert.Same(DiagnosticCatalog.InvalidVersion, read!.Descriptor);
        Assert.Equal(file.Path, read.FilePath);
        Assert.Equal(2, read.Location.Start.Line);
        Assert.Equal(14, read.Location.Start.Column);
        Assert.Equal(written.Message, read.Message);
        Assert.Equal(written.ToString(), read.ToString());
    }

    [Fact]
    public void A_diagnostic_without_a_position_reads_back_without_one()
    {
        Diagnostic written = Diagnostic.CreateForFile(DiagnosticCatalog.DockerUnavailable, @"C:\apps\app\App.csproj", "No endpoint answered.", "a: b", "Start Docker.");

        Assert.True(Diagnostic.TryParseCanonical(written.ToCanonicalString(DiagnosticSeverity.Error), out Diagnostic? read));

        Assert.Equal(@"C:\apps\app\App.csproj", read!.FilePath);
        Assert.Equal(0, read.Location.Start.Line);
        Assert.Equal(written.Message, read.Message);
    }

    [Theory]
    [InlineData("  | hello-world: wrote /bytenite/task/result/hello_world.txt")]
    [InlineData("RunLocal: hello-world 0.1.rev0 (seed dialect), run 20261127-025444-009d")]
    [InlineData("app/main.py(4,1): error CS1002: ; expected")]
    [InlineData("app/main.py(4,1): error BN9999: not in the catalogue")]
    [InlineData("")]
    public void Other_lines_are_not_diagnostics(string line)
    {
        Assert.False(Diagnostic.TryParseCanonical(line, out Diagnostic? read));
        Assert.Null(read);
    }
}
