namespace Aura.Api.Contracts;

/// <summary>Where a job's own routes are, as a job on the wire carries them (<c>links</c>).</summary>
public sealed record JobLinks(string Self, string Events, string Cancel, string FfmpegLog);
