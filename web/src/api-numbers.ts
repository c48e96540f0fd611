// Figures as of a moment, published periods beside live ones, and the records behind a figure.
import { query, request, type Id } from './api';
import type { LocalisedText } from '../../src/domain/lights/types';
import type { RankingGroup, RankingIndicator } from './api-race';

/** A published period's frozen ranking, and how the live one differs from it and why. */
export interface PublishedView {
  bulletinId: number;
  title: string;
  docNumber: string;
  publishedAt: string;
  indicators: RankingIndicator[];
  groups: RankingGroup[];
  changes: {
    unitId: number;
    name: string;
    publishedTotal: number | null;
    publishedRank: number | null;
    liveTotal: number;
    liveRank: number;
  }[];
  approvedAfterCount: number;
  approvedAfter: {
    reportId: number;
    projectId: number;
    projectName: string;
    month: number;
    revision: number;
    amountYuan: number;
    correctionReason: string | null;
    approvedAt: string;
    approvedBy: string | null;
  }[];
}

export interface RecordProject {
  projectId: number;
  name: string;
  stage: string;
  totalInvestmentYuan: number;
  plannedStartDate: string | null;
  actualStartDate: string | null;
  reasons?: LocalisedText[];
  ruleSetVersion?: number;
}

/** What one figure of one unit counts: the projects, or the approved report revisions summed. */
export interface FigureRecords {
  raceId: number;
  period: { year: number; index: number; label: string; labels: LocalisedText };
  asOf: string | null;
  unitId: number;
  unitName: string;
  indicator: string;
  metric: string | null;
  count: number;
  sumYuan: number | null;
  projects: RecordProject[];
  reports: {
    reportId: number;
    projectId: number;
    projectName: string;
    year: number;
    month: number;
    revision: number;
    amountYuan: number;
    approvedAt: string | null;
    approvedBy: string | null;
  }[];
}

export const numbersApi = {
  records: (
    raceId: Id,
    params: { year: number; period: number; unitId: number; indicator: string; asOf?: string | null },
  ) => request<FigureRecords>('GET', `/races/${encodeURIComponent(String(raceId))}/records${query(params)}`),
};
