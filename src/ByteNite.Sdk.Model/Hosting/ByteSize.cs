using System.Globalization;

namespace ByteNite.Sdk.Model.Hosting;

/// <summary>A size as people read it, the same in every message of the SDK (pack, RunLocal): 1024-based, "14 B", "10.0 KB", "129 MB".</summary>
public static class ByteSize
{
    public static string Format(long bytes)
    {
        if (bytes < 1024)
        {
            return bytes.ToString(CultureInfo.InvariantCulture) + " B";
        }

        string[] units = { "KB", "MB", "GB", "TB" };
        double value = bytes;
        int unit = -1;
        do
        {
            value /= 1024;
            unit++;
        }
        while (value >= 1024 && unit < units.Length - 1);
        return value.ToString(value >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
