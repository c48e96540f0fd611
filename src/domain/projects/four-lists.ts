import type { Stage } from './lifecycle.ts';

/**
 * The four lists (四张清单) of a year are filters over the library (DESIGN §3.2):
 * - 谋划 planning: projects in the planning stage;
 * - 储备 reserve: projects in the reserve stage;
 * - 开工 start: projects planned to start in the year — started once they have an actual start date;
 * - 投产 production: projects planned to enter production in the year — done once they have an actual production date.
 * Dropped projects leave the start and production lists. The repository applies the same rules in SQL;
 * the integration tests check the two agree on worked examples.
 */
export const LISTS = ['planning', 'reserve', 'start', 'production'] as const;
export type ListName = (typeof LISTS)[number];

export const LIST_LABELS: Record<ListName, { 'zh-CN': string; en: string }> = {
  planning: { 'zh-CN': '谋划清单', en: 'Planning list' },
  reserve: { 'zh-CN': '储备清单', en: 'Reserve list' },
  start: { 'zh-CN': '开工清单', en: 'Start list' },
  production: { 'zh-CN': '投产清单', en: 'Production list' },
};

export interface ListFacts {
  stage: Stage;
  plannedStartDate: string | null;
  actualStartDate: string | null;
  plannedProductionDate: string | null;
  actualProductionDate: string | null;
}

export type ListStatus = 'done' | 'pending';

export const inYear = (date: string | null, year: number) => date !== null && date.startsWith(`${year}-`);

/** Whether the project is on the list of the year, and for the start and production lists, whether it is done. */
export function listMembership(
  p: ListFacts,
  list: ListName,
  year: number,
): { member: boolean; status: ListStatus | null } {
  switch (list) {
    case 'planning':
      return { member: p.stage === 'planning', status: null };
    case 'reserve':
      return { member: p.stage === 'reserve', status: null };
    case 'start': {
      const member = p.stage !== 'dropped' && inYear(p.plannedStartDate, year);
      return { member, status: member ? (p.actualStartDate ? 'done' : 'pending') : null };
    }
    case 'production': {
      const member = p.stage !== 'dropped' && inYear(p.plannedProductionDate, year);
      return { member, status: member ? (p.actualProductionDate ? 'done' : 'pending') : null };
    }
  }
}
