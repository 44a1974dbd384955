namespace ByteNite.Sdk.Model.Diagnostics;

/// <summary>One entry of the rule catalogue: what every host needs to report a problem the same way.</summary>
public sealed class DiagnosticDescriptor
{
    public DiagnosticDescriptor(string id, string title, string messageFormat, string category, DiagnosticSeverity defaultSeverity)
    {
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
    }

    public string Id { get; }

    public string Title { get; }

    /// <summary>A <see cref="string.Format(string, object[])"/> format; arguments are supplied by the rule.</summary>
    public string MessageFormat { get; }

    public string Category { get; }

    public DiagnosticSeverity DefaultSeverity { get; }

    public string HelpLink => DiagnosticCatalog.HelpLinkBase + Id + ".md";

    public override string ToString() => Id;
}
