namespace Aura.Api.Security;

/// <summary>
/// Marks the two event-stream routes: they also take the key as <c>?access_token=</c> (for clients
/// such as EventSource that cannot send headers; everywhere else the query is ignored), and they
/// count against the open-stream limits.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EventStreamRouteAttribute : Attribute
{
    public const string AccessTokenParameter = "access_token";
}
