import { Card, Progress, Typography } from 'antd';
import type { ListTotals } from '../../api-projects';
import { useProjectsI18n } from '../../i18n-projects';
import { Link } from '../../components/Link';
import { formatYi } from '../../../../src/domain/money/money';
import { LIST_LABELS, type ListName } from '../../../../src/domain/projects/four-lists';
import { listUrl } from './listQuery';

/** The project list filtered to one of the four lists (and optionally a unit and a done/pending status). */
export function listLink(list: ListName, year: number, unitId?: number | string, status?: 'done' | 'pending'): string {
  const listStatus = status === 'done' ? (list === 'start' ? 'started' : 'done') : status;
  return listUrl({ list, year: String(year), unitId: unitId === undefined ? undefined : String(unitId), listStatus });
}

const ACCENT: Record<ListName, string> = {
  planning: '#722ed1',
  reserve: '#2f54eb',
  start: '#1d5fb4',
  production: '#389e0d',
};

/** One list of the year: its count and investment, and for 开工/投产 the done/pending split. */
export function ListCard({
  list,
  totals,
  year,
  unitId,
  selected,
  onSelect,
}: {
  list: ListName;
  totals: ListTotals;
  year: number;
  unitId?: number;
  selected: boolean;
  onSelect: () => void;
}) {
  const { tp, label } = useProjectsI18n();
  const split = list === 'start' || list === 'production';
  const doneLabel = tp(list === 'start' ? 'list.started' : 'list.produced');
  const pendingLabel = tp(list === 'start' ? 'list.notStarted' : 'list.notProduced');
  const percent = totals.count ? Math.round((totals.done / totals.count) * 1000) / 10 : 0;
  const link = (status?: 'done' | 'pending') => listLink(list, year, unitId, status);

  return (
    <Card
      size="small"
      hoverable
      onClick={onSelect}
      data-testid={`list-card-${list}`}
      style={{
        height: '100%',
        borderTop: `3px solid ${ACCENT[list]}`,
        outline: selected ? `1px solid ${ACCENT[list]}` : undefined,
      }}
      title={label(LIST_LABELS, list)}
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {tp(`lists.hint.${list}`, { year })}
      </Typography.Text>
      <div
        style={{ display: 'flex', alignItems: 'baseline', gap: 16, flexWrap: 'wrap' }}
        onClick={(e) => e.stopPropagation()}
      >
        <span>
          <Link to={link()} style={{ fontSize: 28, fontWeight: 600 }} data-testid={`list-count-${list}`}>
            {totals.count}
          </Link>{' '}
          <Typography.Text type="secondary">{tp('lists.projects')}</Typography.Text>
        </span>
        <span>
          <Link to={link()} style={{ fontSize: 20, fontWeight: 500 }} data-testid={`list-investment-${list}`}>
            {formatYi(totals.totalInvestmentYuan)}
          </Link>{' '}
          <Typography.Text type="secondary">{tp('lists.yi')}</Typography.Text>
        </span>
      </div>
      {split ? (
        <div onClick={(e) => e.stopPropagation()}>
          <Progress percent={percent} size="small" strokeColor={ACCENT[list]} style={{ margin: '6px 0 2px' }} />
          <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
            <span>
              {doneLabel}{' '}
              <Link to={link('done')} data-testid={`list-done-${list}`}>
                {totals.done}
              </Link>
            </span>
            <span>
              {pendingLabel}{' '}
              <Link to={link('pending')} data-testid={`list-pending-${list}`}>
                {totals.pending}
              </Link>
            </span>
          </div>
        </div>
      ) : null}
    </Card>
  );
}
