// The end of an import: what was written, with the way to the projects (or the month's reports) and
// to the next ledger.
import { Button, Card, Result } from 'antd';
import type { ImportView, PreviewRow } from '../../api-imports';
import { Link } from '../../components/Link';
import { useImportsI18n } from '../../i18n-imports';
import { navigate } from '../../router';
import { CountsRow } from './shared';

/** The project list of the unit imported into, most recently changed first. */
export const projectsOfUnit = (unitId: number) => `/projects?unitId=${unitId}&sort=updatedAt&order=desc`;

/** The reports page of a 'YYYY-MM' month, or of the month just ended. */
export const reportsOfPeriod = (period: string | null) => {
  const m = period ? /^(\d{4})-(\d{2})$/.exec(period) : null;
  return m ? `/reports?year=${m[1]}&month=${Number(m[2])}` : '/reports';
};

/**
 * The month a report ledger was for: the month given for all rows, else the first previewed row's
 * 报告期. Null when the ledger named none the page knows of.
 */
export function reportPeriodOf(view: ImportView, preview?: PreviewRow[] | null): string | null {
  if (view.mapping.defaults.reportPeriod) return view.mapping.defaults.reportPeriod;
  for (const r of preview ?? []) {
    const p = r.values.reportPeriod ?? r.values.reportMonth;
    if (typeof p === 'string' && /^\d{4}-\d{2}$/.test(p)) return p;
  }
  return null;
}

export function ImportResult({
  view,
  preview,
  onAgain,
}: {
  view: ImportView;
  preview?: PreviewRow[] | null;
  onAgain: () => void;
}) {
  const { ti, tk, period: periodText } = useImportsI18n();
  const counts = view.counts!;
  const reports = view.ledger === 'reports';
  const period = reports ? reportPeriodOf(view, preview) : null;
  const enterprises = view.ledger === 'enterprises';
  const deals = view.ledger === 'deals';
  const target = reports
    ? reportsOfPeriod(period)
    : enterprises
      ? '/enterprises'
      : deals
        ? '/deals'
        : projectsOfUnit(view.unitId);
  const targetLabel = enterprises
    ? ti('imports.done.enterprises')
    : deals
      ? ti('imports.done.deals')
      : reports
        ? period
          ? ti('imports.done.reports', { period: periodText(period) })
          : ti('imports.done.reportsAny')
        : ti('imports.done.projects', { unit: view.unitName ?? '' });
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="import-result" data-ledger={view.ledger}>
      <Result
        status="success"
        style={{ padding: '16px 0' }}
        title={ti('imports.done.title')}
        subTitle={tk('imports.done.sub', view.ledger, {
          file: view.fileName,
          create: counts.create,
          update: counts.update,
          unchanged: counts.unchanged,
        })}
        extra={
          <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'center', alignItems: 'center', gap: 12 }}>
            <Button
              type="primary"
              href={target}
              onClick={(event) => {
                if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
                event.preventDefault();
                navigate(target);
              }}
              data-testid={reports ? 'import-result-reports' : 'import-result-projects'}
            >
              {targetLabel}
            </Button>
            {!reports && (
              <Link to="/projects?sort=updatedAt&order=desc" data-testid="import-result-recent">
                {ti('imports.done.recent')}
              </Link>
            )}
            <Button onClick={onAgain} data-testid="import-again">
              {ti('imports.again')}
            </Button>
          </div>
        }
      />
      <div style={{ maxWidth: 560, margin: '0 auto' }}>
        <CountsRow counts={counts} ledger={view.ledger} />
      </div>
    </Card>
  );
}
