// The service's rules as data (GET /api/meta): the stages, their phases and share of the
// percent, the terminal statuses and the limits. Loaded once before the views are built, so
// the page keeps no copies of the server's rules that could drift.

export const meta = {
  stages: [], // [{ name, phase, from, to }]
  statuses: [],
  terminalStatuses: [],
  limits: {},
};

export function applyMeta(data) {
  meta.stages = data.stages ?? [];
  meta.statuses = data.statuses ?? [];
  meta.terminalStatuses = data.terminalStatuses ?? [];
  meta.limits = data.limits ?? {};
}

export const stageNames = () => meta.stages.map((s) => s.name);
export const isTerminal = (status) => meta.terminalStatuses.includes(status);
