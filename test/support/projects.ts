import type { ApiClient } from './client.ts';

/** A valid project body with sensible defaults; override what a test is about. */
export function projectBody(leadUnitId: number, overrides: Record<string, unknown> = {}) {
  return {
    name: '兰溪纺织智能化改造项目',
    nature: 'techUpgrade',
    kind: 'industry',
    industryCode: '17',
    investmentType: 'enterprise',
    approvalMode: 'filing',
    leadUnitId,
    totalInvestmentWan: 3000,
    ...overrides,
  };
}

/** Creates a project through the API (as a real client would) and returns its detail. */
export async function buildProject(client: ApiClient, leadUnitId: number, overrides: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/projects', projectBody(leadUnitId, overrides));
  if (res.status !== 201) throw new Error(`creating project failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number; name: string; stage: string; [k: string]: unknown };
}

/** Files a project's monthly report through the API as a draft and returns it. */
export async function buildReport(
  client: ApiClient,
  projectId: number,
  report: { year: number; month: number; amountWan: number; progressText?: string },
) {
  const res = await client.post(`/api/v1/projects/${projectId}/reports`, { progressText: '施工中', ...report });
  if (res.status !== 201) throw new Error(`filing report failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number; state: string; [k: string]: unknown };
}
