// The check before publishing (发布前检查) and corrections of published bulletins (更正通报) of docs/API.md.
import { query, request, type Id } from './api';
import type { Bulletin, BulletinDraft, RacePeriodKind } from './api-race';

export type PublishCheckCode =
  'PERIOD_NOT_ENDED' | 'WEIGHTS_NOT_100' | 'NO_TARGET' | 'BAD_TARGET' | 'NO_VALUE' | 'GROUP_TOO_SMALL';

export interface PublishCheckItem {
  code: PublishCheckCode;
  /** True: publishing is refused outright; false: allowed once acknowledged. */
  blocking: boolean;
  /** In the language asked for, naming the units. */
  message: string;
  indicator: string | null;
  group: string | null;
  units: { unitId: number; name: string }[];
}

export interface PublishCheck {
  raceId: number;
  period: { kind: RacePeriodKind; year: number; index: number; label: string };
  canPublish: boolean;
  needsAcknowledgement: boolean;
  items: PublishCheckItem[];
}

/** The bulletin a correction corrects, or a correction's own defaults. */
export interface BulletinRef {
  id: number;
  title: string;
  docNumber: string;
}

export interface CorrectionDraft extends BulletinDraft {
  corrects: BulletinRef;
  raceId: number;
  year: number;
  period: number;
}

export interface CorrectionInput {
  reason: string;
  title?: string;
  docNumber?: string;
  commentary?: string;
  acknowledged?: boolean;
}

const bulletinPath = (id: Id) => `/bulletins/${encodeURIComponent(String(id))}`;

export const bulletinApi = {
  publishCheck: (raceId: Id, params: { year: number; period: number }) =>
    request<PublishCheck>('GET', `/races/${encodeURIComponent(String(raceId))}/publish-check${query(params)}`),
  correctionDraft: (id: Id) => request<CorrectionDraft>('GET', `${bulletinPath(id)}/correction-draft`),
  correct: (id: Id, body: CorrectionInput) => request<Bulletin>('POST', `${bulletinPath(id)}/corrections`, body),
};
