import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Skeleton } from 'antd';
import type { PublishCheck } from '../../api-bulletins';
import { errorMessage } from '../../forms';
import { useRaceI18n } from '../../i18n-race';
import { publishCheckQuery } from '../../features/race/queries';
import { queryClient } from '../../queries/client';

/** GET publish-check for a period, with a reload for when publishing was refused because findings appeared since. */
export function usePublishCheck(raceId: number, year: number, period: number) {
  const options = publishCheckQuery(raceId, year, period);
  const query = useQuery(options);
  const check: PublishCheck | null = query.data ?? null;
  const error = query.error ? errorMessage(query.error) : null;
  // Asked again from nothing: the panel shows its skeleton until the new answer, as when the dialog opened.
  const reload = () => void queryClient.resetQueries({ queryKey: options.queryKey, exact: true });
  return { check, error, reload };
}

/**
 * 发布前检查 as a publishing dialog shows it: nothing found; blocking findings (publishing is off); or
 * findings to acknowledge, each naming its units, with the box that allows "仍要发布".
 */
export function PublishCheckPanel({
  check,
  error,
  acknowledged,
  onAcknowledge,
}: {
  check: PublishCheck | null;
  error: string | null;
  acknowledged: boolean;
  onAcknowledge: (next: boolean) => void;
}) {
  const { tk } = useRaceI18n();
  if (error)
    return (
      <Alert
        type="error"
        showIcon
        title={tk('check.failed', { error })}
        style={{ marginBottom: 12 }}
        data-testid="publish-check-error"
      />
    );
  if (!check) return <Skeleton active title={false} paragraph={{ rows: 2 }} />;
  if (check.items.length === 0)
    return (
      <Alert
        type="success"
        showIcon
        title={tk('check.ok')}
        style={{ marginBottom: 12 }}
        data-testid="publish-check-ok"
      />
    );

  const blocking = check.items.filter((i) => i.blocking);
  const shown = blocking.length ? blocking : check.items;
  const list = (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
      {shown.map((item, i) => (
        <li key={i} data-testid={`publish-check-item-${item.code}`} style={{ lineHeight: 1.6 }}>
          {item.message}
        </li>
      ))}
    </ul>
  );
  if (blocking.length) {
    return (
      <Alert
        type="error"
        showIcon
        title={tk('check.blocking')}
        description={list}
        style={{ marginBottom: 12 }}
        data-testid="publish-check-blocking"
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      title={tk('check.warnings', { n: check.items.length })}
      description={
        <div>
          {list}
          <div style={{ margin: '8px 0', fontSize: 13, color: 'rgba(0,0,0,0.65)' }}>{tk('check.warningsHint')}</div>
          <Checkbox
            checked={acknowledged}
            onChange={(e) => onAcknowledge(e.target.checked)}
            data-testid="publish-acknowledge"
          >
            {tk('check.acknowledge')}
          </Checkbox>
        </div>
      }
      style={{ marginBottom: 12 }}
      data-testid="publish-check-warnings"
    />
  );
}
