/**
 * What Lantern tells a person (通知), by kind, and where each notice leads. The facts of a notice are stored
 * with it; its text is the reader's language's (web/src/locales/<lang>/notices.json), so one notice reads in
 * Chinese for one person and in English for another.
 */
export const NOTICE_KINDS = ['report_reminder', 'report_returned'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** 催报: the project office asks a unit's editors to file the month's reports. */
export interface ReportReminderFacts {
  year: number;
  month: number;
  unitName: string;
  /** Reports due and not yet filed (missing, draft or returned) when the reminder went out. */
  outstanding: number;
  /** The last day to submit on time, YYYY-MM-DD. */
  deadline: string;
}

/** 退回: a report came back from review with the reviewer's reason. */
export interface ReportReturnedFacts {
  reportId: number;
  projectId: number;
  projectName: string;
  year: number;
  month: number;
  reason: string;
}

/** The page a notice opens: the month's filing grid, where a reminder is answered and a returned report fixed. */
export function noticeLink(facts: { year: number; month: number }): string {
  return `/reports/filing?year=${facts.year}&month=${facts.month}`;
}
