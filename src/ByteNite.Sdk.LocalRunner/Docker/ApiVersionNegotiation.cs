using System;
using System.Globalization;

namespace ByteNite.Sdk.LocalRunner.Docker;

/// <summary>
/// Picks the Engine API version to speak, as the docker CLI does: the lower of the daemon's highest version and the
/// client's. Docker.DotNet.Enhanced 4.3.3 negotiates nothing by default: it sends unversioned paths ("/containers/json"),
/// which every daemon answers with its own latest API, so the request bodies the client sends are read as whatever
/// version the daemon happens to speak. Asking GET /version first (unversioned, accepted by every daemon) and then
/// versioning every request keeps both sides on one contract: Debian's engine here speaks at most 1.41, Docker Engine
/// 29 at least 1.44.
/// </summary>
public static class ApiVersionNegotiation
{
    /// <summary>The newest API this runner is written against (Docker Engine 29.0; the models of Docker.DotNet.Enhanced 4.3.3 cover it).</summary>
    public static readonly Version ClientMaximum = new(1, 52);

    /// <summary>The oldest API this runner uses features of (Docker Engine 19.03: NanoCpus, Mounts, tmpfs mounts, label filters).</summary>
    public static readonly Version ClientMinimum = new(1, 40);

    /// <summary>The version to use, or null with the reason why none fits.</summary>
    public static Version? Negotiate(string? serverApiVersion, string? serverMinimumApiVersion, string? overrideVersion, out string? problem)
    {
        problem = null;
        if (!string.IsNullOrWhiteSpace(overrideVersion))
        {
            // DOCKER_API_VERSION pins the version for the docker CLI; honour it the same way.
            if (!TryParse(overrideVersion, out Version? pinned))
            {
                problem = "DOCKER_API_VERSION \"" + overrideVersion + "\" is not an API version such as 1.44";
                return null;
            }

            if (pinned < ClientMinimum || pinned > ClientMaximum)
            {
                problem = "DOCKER_API_VERSION pins Engine API " + Format(pinned) + ", and RunLocal speaks " + Format(ClientMinimum) + " to "
                    + Format(ClientMaximum) + "; unset it to let RunLocal and the daemon agree on a version";
                return null;
            }

            return pinned;
        }

        if (!TryParse(serverApiVersion, out Version? serverMaximum))
        {
            problem = "it did not report its API version (GET /version gave ApiVersion \"" + serverApiVersion + "\")";
            return null;
        }

        Version chosen = serverMaximum < ClientMaximum ? serverMaximum : ClientMaximum;
        if (chosen < ClientMinimum)
        {
            problem = "it speaks Engine API " + Format(serverMaximum) + " at most, and RunLocal needs " + Format(ClientMinimum)
                + " or later (Docker Engine 19.03 or later); upgrade Docker";
            return null;
        }

        if (TryParse(serverMinimumApiVersion, out Version? serverMinimum) && serverMinimum > chosen)
        {
            problem = "it accepts Engine API " + Format(serverMinimum) + " or later only, and this RunLocal speaks up to "
                + Format(ClientMaximum) + "; update ByteNite.Sdk";
            return null;
        }

        return chosen;
    }

    public static string Format(Version version) => version.Major.ToString(CultureInfo.InvariantCulture) + "." + version.Minor.ToString(CultureInfo.InvariantCulture);

    private static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Version? version)
    {
        version = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string[] parts = text!.Trim().TrimStart('v').Split('.');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int minor))
        {
            return false;
        }

        version = new Version(major, minor);
        return true;
    }
}
