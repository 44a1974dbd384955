using System.IO;
using System.Text;

namespace ByteNite.Sdk.CodeGeneration;

/// <summary>Writes generated files so that an unchanged file keeps its timestamp (no recompilation, incremental builds stay no-ops).</summary>
public static class GeneratedFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="content"/> as UTF-8 unless the file already holds exactly those bytes; true when it wrote.</summary>
    public static bool WriteIfChanged(string path, string content)
    {
        byte[] bytes = Utf8NoBom.GetBytes(content);
        if (File.Exists(path))
        {
            byte[] existing = File.ReadAllBytes(path);
            if (existing.Length == bytes.Length && System.Linq.Enumerable.SequenceEqual(existing, bytes))
            {
                return false;
            }
        }

        string? directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // Write beside and move over, so a build that reads the file never sees half of it.
        string temporary = path + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        File.Move(temporary, path);
        return true;
    }
}
