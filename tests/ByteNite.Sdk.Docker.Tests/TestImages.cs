using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace ByteNite.Sdk.Docker.Tests;

/// <summary>Images the tests make themselves (no registry is needed, or reachable, in CI).</summary>
internal static class TestImages
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>An image with one text file and no Python: imported from a tar made here (POST /images/create?fromSrc=-).</summary>
    public static async Task<string> WithoutPythonAsync()
    {
        const string repository = "bytenite-sdk-tests/no-python";
        const string tag = "1";
        await Gate.WaitAsync();
        try
        {
            DockerClient client = DockerRequirement.Client;
            try
            {
                await client.Images.InspectImageAsync(repository + ":" + tag);
                return repository + ":" + tag;
            }
            catch (DockerImageNotFoundException)
            {
            }

            var tar = new MemoryStream();
            using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
            {
                var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("an image without python\n"));
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "README") { DataStream = content });
            }

            tar.Position = 0;
            await client.Images.CreateImageAsync(
                new ImagesCreateParameters { FromSrc = "-", Repo = repository, Tag = tag },
                tar,
                new AuthConfig(),
                new Progress<JSONMessage>());
            return repository + ":" + tag;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The test image under a name no registry has, so that pulling it always fails.</summary>
    public static async Task<string> LocalOnlyAsync()
    {
        const string repository = "bytenite-sdk-tests/local-only";
        await DockerRequirement.Client.Images.TagImageAsync(DockerRequirement.TestImage, new ImageTagParameters { RepositoryName = repository, Tag = "1" });
        return repository + ":1";
    }

    private sealed class Progress<T> : System.IProgress<T>
    {
        public void Report(T value)
        {
        }
    }
}
