namespace Aura.Api.Security;

/// <summary>
/// Marks the routes that also take the key as <c>?access_token=</c> (the two event streams, for
/// clients such as EventSource that cannot send headers). Everywhere else the query is ignored.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AccessTokenQueryAttribute : Attribute
{
    public const string Parameter = "access_token";
}
