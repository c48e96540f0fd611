// Notices (通知) and 催报 (the operations in /api/docs; types from src/contract/notices.ts).
import { request, type Id } from './api';
import type { Notice, NoticesResponse, ReportReminderBody, ReportReminderResponse } from '../../src/contract/notices';

export type { Notice, NoticesResponse, ReportReminderResponse };

export const noticesApi = {
  /** The signed-in person's unread notices, newest first. */
  unread: () => request<NoticesResponse>('GET', '/notices'),
  markRead: (id: Id) => request<void>('POST', `/notices/${encodeURIComponent(String(id))}/read`),
  markAllRead: () => request<void>('POST', '/notices/read'),
  /** 催报: reminds these units' editors of the month's reports; per unit, reminded or refused with the reason. */
  remind: (body: ReportReminderBody) => request<ReportReminderResponse>('POST', '/reports/reminders', body),
};
