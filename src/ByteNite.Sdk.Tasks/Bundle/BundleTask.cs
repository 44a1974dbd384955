using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using ByteNite.Sdk.Model.Diagnostics;
using Microsoft.Build.Framework;

namespace ByteNite.Sdk.Tasks.Bundle;

/// <summary>
/// What the bundle tasks share: the app folder, the severity settings (applied the Roslyn way, like the validation),
/// the registry token, and reporting with the catch-all for bugs.
/// </summary>
public abstract class BundleTask : SeverityConfiguredTask
{
    /// <summary>The environment variable a registry token is read from; read here, never through an MSBuild property.</summary>
    public const string TokenVariable = "BYTENITE_REGISTRY_TOKEN";

    /// <summary>The folder that holds manifest.json and app/.</summary>
    [Required]
    public string AppDirectory { get; set; } = string.Empty;

    /// <summary>
    /// The ByteNiteRegistryToken property. MSBuild itself prints every property at diagnostic verbosity, so the
    /// environment variable (read by the task, never a property) is the way that keeps the token out of every log.
    /// </summary>
    public string? RegistryToken { get; set; }

    public override bool Execute()
    {
        try
        {
            Run();
        }
        catch (Exception e)
        {
            // Last resort only: every expected failure is a BN3xxx diagnostic.
            Report(Diagnostic.CreateForInternalError(AppDirectory, e));
        }

        return !Log.HasLoggedErrors;
    }

    protected abstract void Run();

    /// <summary>The token supplied at pack time: the property if set, else the environment variable; null when neither.</summary>
    protected string? SuppliedToken()
    {
        if (!string.IsNullOrEmpty(RegistryToken))
        {
            return RegistryToken;
        }

        string? variable = Environment.GetEnvironmentVariable(TokenVariable);
        return string.IsNullOrEmpty(variable) ? null : variable;
    }

    /// <summary>A value that changes when the supplied token changes, without revealing it (for the up-to-date check).</summary>
    protected string TokenFingerprint()
    {
        string? token = SuppliedToken();
        if (token is null)
        {
            return "none";
        }

        using var sha = SHA256.Create();
        byte[] digest = sha.ComputeHash(Encoding.UTF8.GetBytes("ByteNite.Sdk bundle token\n" + token));
        return Convert.ToBase64String(digest, 0, 12);
    }

    protected void Report(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (Diagnostic diagnostic in diagnostics)
        {
            Report(diagnostic);
        }
    }

}
