using Aura.Core.Kernel;

namespace Aura.Api.Contracts;

/// <summary>
/// The create body as it arrives: everything optional, so that missing parts take their defaults
/// and every wrong value is reported by <see cref="CreateJobValidator"/> with its field name.
/// </summary>
public sealed record CreateJobBody(BriefBody? Brief, PlanSpecBody? PlanSpec, VoiceSpecBody? VoiceSpec, RenderSpecBody? RenderSpec);
