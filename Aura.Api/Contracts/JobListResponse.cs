namespace Aura.Api.Contracts;

/// <summary>The answer to <c>GET /api/jobs</c>.</summary>
public sealed record JobListResponse(IReadOnlyList<JobResponse> Jobs, int Count);
