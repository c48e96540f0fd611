// Small pieces shared by the report pages: state and late tags, the reporting month, the deadline line.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Tag, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { MonthReport, TodoItem, TodoState } from '../../api-reports';
import { monthRevisionsQuery } from '../../features/reports/queries';
import { queryClient } from '../../queries/client';
import { useReportsI18n } from '../../i18n-reports';
import { REPORT_STATE_LABELS } from '../../../../src/domain/reports/report-rules';
import { countyNow } from '../../today';

export interface Period {
  year: number;
  month: number;
}

/** Today in the county as YYYY-MM-DD. */
export const todayText = () => countyNow().format('YYYY-MM-DD');

/** The month reports are due for now: the one that just ended. */
// The month just ended, as the route that prefetches the page's answers computes it.
export { previousMonth } from '../../features/reports/queries';

/** Whether (year, month) has not begun yet. */
export function isFuturePeriod({ year, month }: Period): boolean {
  const now = countyNow();
  return year > now.year() || (year === now.year() && month > now.month() + 1);
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

export const STATE_COLORS: Record<TodoState, string> = {
  missing: 'default',
  draft: 'gold',
  submitted: 'processing',
  approved: 'success',
  returned: 'error',
};

/** The state of a report (or 未填报) as a coloured tag. */
export function ReportStateTag({ state, testId }: { state: TodoState; testId?: string }) {
  const { lang, tr } = useReportsI18n();
  const text = state === 'missing' ? tr('state.missing') : (REPORT_STATE_LABELS[state]?.[lang] ?? state);
  return (
    <Tag
      color={STATE_COLORS[state] ?? 'default'}
      variant={state === 'missing' ? 'outlined' : undefined}
      style={{ marginInlineEnd: 0 }}
      data-testid={testId}
      data-state={state}
    >
      {text}
    </Tag>
  );
}

/** 逾期: submitted after the deadline. */
export function LateTag() {
  const { tr } = useReportsI18n();
  return (
    <Tag color="red" variant="solid" style={{ marginInlineEnd: 0 }} data-testid="report-late">
      {tr('tag.late')}
    </Tag>
  );
}

/** 更正: a revision after the first. */
export function CorrectionTag() {
  const { tr } = useReportsI18n();
  return (
    <Tag color="purple" style={{ marginInlineEnd: 0 }} data-testid="report-correction">
      {tr('tag.correction')}
    </Tag>
  );
}

/** "报送截止：2026-11-03" with how much time is left, red once the day has passed. */
export function DeadlineText({
  deadline,
  period,
  today,
  size = 16,
}: {
  deadline: string;
  period: Period;
  today: string;
  size?: number;
}) {
  const { tr } = useReportsI18n();
  const past = today > deadline;
  const notOver = dayjs(today).isBefore(
    dayjs(`${period.year}-${String(period.month).padStart(2, '0')}-01`).endOf('month'),
    'day',
  );
  const days = daysBetween(today, deadline);
  const note = notOver
    ? tr('reports.notYetDue')
    : past
      ? tr('reports.pastDeadline', { days: -days })
      : days === 0
        ? tr('reports.dueToday')
        : tr('reports.daysLeft', { days });
  return (
    <span style={{ display: 'inline-flex', alignItems: 'baseline', gap: 8, flexWrap: 'wrap' }}>
      <Typography.Text
        strong
        type={past ? 'danger' : undefined}
        style={{ fontSize: size }}
        data-testid="reports-deadline"
        data-past={past ? 'true' : 'false'}
      >
        <ClockCircleOutlined style={{ marginInlineEnd: 6 }} />
        {tr('reports.deadline', { date: deadline })}
      </Typography.Text>
      <Typography.Text type={past ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
        {note}
      </Typography.Text>
    </span>
  );
}

/** Runs fn over the list, at most `limit` at a time. */
export async function eachLimited<T>(list: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const item = list[next++]!;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, list.length) }, worker));
}

/** The revisions of one month of one project: the one that counts and a correction waiting on it. */
export interface MonthRevisions {
  current: MonthReport | null;
  /** A correction submitted or returned, newer than the current revision and not yet approved. */
  pending: MonthReport | null;
}

export function splitRevisions(reports: MonthReport[], year: number, month: number): MonthRevisions {
  const ofMonth = reports.filter((r) => r.year === year && r.month === month);
  const current = ofMonth.find((r) => r.isCurrent) ?? null;
  const pending =
    ofMonth
      .filter((r) => !r.isCurrent && r.state !== 'approved' && (!current || r.revision > current.revision))
      .sort((a, b) => b.revision - a.revision)[0] ?? null;
  return { current, pending };
}

/**
 * The month's revisions of the listed projects, all of the month in one request once the todo list is
 * there (the todo list names only the current revision: return reasons and pending corrections live in
 * the reports). Under ['reports', …]: a change to reports reads them again; `refresh` does so at once.
 */
export function useMonthRevisions(items: TodoItem[] | null, period: Period) {
  const { year, month } = period;
  const query = useQuery({ ...monthRevisionsQuery(year, month), enabled: items !== null });
  const reports = query.data?.items;
  const byProject = useMemo(() => {
    const grouped = new Map<number, MonthReport[]>();
    for (const r of reports ?? []) grouped.set(r.projectId, [...(grouped.get(r.projectId) ?? []), r]);
    return new Map([...grouped].map(([projectId, rs]) => [projectId, splitRevisions(rs, year, month)]));
  }, [reports, year, month]);
  // The whole month again (one request) after an action on one of its projects.
  const refresh = (_projectId: number) =>
    queryClient.invalidateQueries({ queryKey: monthRevisionsQuery(year, month).queryKey });
  return { byProject, scanning: query.isFetching, refresh };
}
