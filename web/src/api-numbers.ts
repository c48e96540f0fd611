// Figures as of a moment, published periods beside live ones, and the records behind a figure.
import { query, request, type Id } from './api';
import type { FigureRecords, PublishedView, RecordDeal, RecordProject, RecordTicket } from '../../src/contract/race';

export type { FigureRecords, PublishedView, RecordDeal, RecordProject, RecordTicket };

export const numbersApi = {
  records: (
    raceId: Id,
    params: { year: number; period: number; unitId: number; indicator: string; asOf?: string | null },
  ) => request<FigureRecords>('GET', `/races/${encodeURIComponent(String(raceId))}/records${query(params)}`),
};
