namespace Aura.Api;

/// <summary>The <c>Api</c> configuration section: what this node serves over HTTP.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>
    /// False makes a worker-only node (several nodes on a shared store): no REST, streams, UI or OpenAPI, only
    /// <c>/healthz</c>, <c>/health</c> and <c>/metrics</c>, so a load balancer never sends clients to it.
    /// Its workers run jobs as on any node.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
