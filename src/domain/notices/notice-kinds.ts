/**
 * What Lantern tells a person (通知), by kind, and where each notice leads. The facts of a notice are stored
 * with it; its text is the reader's language's (web/src/locales/<lang>/notices.json), so one notice reads in
 * Chinese for one person and in English for another.
 */
export const NOTICE_KINDS = ['report_reminder', 'report_returned', 'licence_expiring', 'ticket_due'] as const;
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

/** 证照临期: a licence of an enterprise the person looks after ends soon (or has ended). */
export interface LicenceExpiringFacts {
  licenceId: number;
  enterpriseId: number;
  enterpriseName: string;
  /** The licence type's key (LICENCE_TYPES). */
  type: string;
  number: string;
  validTo: string;
  /** Days from the reminder's day to the last valid day; negative once expired. */
  daysLeft: number;
}

/** 问题临期: a ticket's next step is the person's, and its deadline is today or the next working day (or past). */
export interface TicketDueFacts {
  ticketId: number;
  title: string;
  enterpriseName: string;
  /** The instant the earliest running clock runs out. */
  dueAt: string;
  overdue: boolean;
}

export type NoticeFacts = {
  report_reminder: ReportReminderFacts;
  report_returned: ReportReturnedFacts;
  licence_expiring: LicenceExpiringFacts;
  ticket_due: TicketDueFacts;
};

/**
 * The page a notice opens: the month's filing grid (a reminder is answered and a returned report fixed
 * there), the enterprise of a licence, the ticket.
 */
export function noticeLink<K extends NoticeKind>(kind: K, facts: NoticeFacts[K]): string {
  if (kind === 'licence_expiring') return `/enterprises/${(facts as LicenceExpiringFacts).enterpriseId}`;
  if (kind === 'ticket_due') return `/tickets/${(facts as TicketDueFacts).ticketId}`;
  const f = facts as ReportReminderFacts;
  return `/reports/filing?year=${f.year}&month=${f.month}`;
}
