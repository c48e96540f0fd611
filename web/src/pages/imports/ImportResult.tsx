// The end of an import: what was written, with the way to the projects and to the next ledger.
import { Button, Card, Result } from 'antd';
import type { ImportView } from '../../api-imports';
import { Link } from '../../components/Link';
import { useImportsI18n } from '../../i18n-imports';
import { navigate } from '../../router';
import { CountsRow } from './shared';

/** The project list of the unit imported into, most recently changed first. */
export const projectsOfUnit = (unitId: number) => `/projects?unitId=${unitId}&sort=updatedAt&order=desc`;

export function ImportResult({ view, onAgain }: { view: ImportView; onAgain: () => void }) {
  const { ti } = useImportsI18n();
  const counts = view.counts!;
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="import-result">
      <Result
        status="success"
        style={{ padding: '16px 0' }}
        title={ti('imports.done.title')}
        subTitle={ti('imports.done.sub', { file: view.fileName, create: counts.create, update: counts.update, unchanged: counts.unchanged })}
        extra={
          <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'center', alignItems: 'center', gap: 12 }}>
            <Button
              type="primary"
              href={projectsOfUnit(view.unitId)}
              onClick={(event) => {
                if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
                event.preventDefault();
                navigate(projectsOfUnit(view.unitId));
              }}
              data-testid="import-result-projects"
            >
              {ti('imports.done.projects', { unit: view.unitName ?? '' })}
            </Button>
            <Link to="/projects?sort=updatedAt&order=desc" data-testid="import-result-recent">
              {ti('imports.done.recent')}
            </Link>
            <Button onClick={onAgain} data-testid="import-again">
              {ti('imports.again')}
            </Button>
          </div>
        }
      />
      <div style={{ maxWidth: 560, margin: '0 auto' }}>
        <CountsRow counts={counts} />
      </div>
    </Card>
  );
}
