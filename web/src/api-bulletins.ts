// The check before publishing (发布前检查) and corrections of published bulletins (更正通报) (the operations in /api/docs).
import { query, request, type Id } from './api';
import type { z } from 'zod';
import type { Bulletin } from './api-race';
import type { correctionBody, CorrectionDraft, PublishCheck } from '../../src/contract/bulletins';

export type { CorrectionDraft, PublishCheck };
export type PublishCheckItem = PublishCheck['items'][number];
export type PublishCheckCode = PublishCheckItem['code'];
/** The bulletin a correction corrects, or a correction's own defaults. */
export type BulletinRef = CorrectionDraft['corrects'];
export type CorrectionInput = z.input<typeof correctionBody>;

const bulletinPath = (id: Id) => `/bulletins/${encodeURIComponent(String(id))}`;

export const bulletinApi = {
  publishCheck: (raceId: Id, params: { year: number; period: number }) =>
    request<PublishCheck>('GET', `/races/${encodeURIComponent(String(raceId))}/publish-check${query(params)}`),
  correctionDraft: (id: Id) => request<CorrectionDraft>('GET', `${bulletinPath(id)}/correction-draft`),
  correct: (id: Id, body: CorrectionInput) => request<Bulletin>('POST', `${bulletinPath(id)}/corrections`, body),
};
