namespace Aura.Api.Contracts;

public sealed record EventError(string Code, string Message, string Remediation);
