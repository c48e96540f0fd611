import { Alert } from 'antd';
import type { BulletinsUnchangedWarning } from '../../api-race';
import { useRaceI18n } from '../../i18n-race';
import { Link } from '../../components/Link';

/**
 * After saving a target or statistic of a period already published: the bulletins that keep their
 * numbers, each a link, and the way to change them (更正通报). Stays until dismissed or the next save.
 */
export function UnchangedBulletinsAlert({
  warnings,
  onClose,
}: {
  warnings: readonly BulletinsUnchangedWarning[];
  onClose: () => void;
}) {
  const { tk } = useRaceI18n();
  const bulletins = warnings.flatMap((w) => w.bulletins);
  if (!bulletins.length) return null;
  const list = bulletins.map((b, i) => (
    <span key={b.id}>
      {i > 0 && tk('targets.listSeparator')}
      <Link to={`/bulletins/${b.id}`}>{tk('targets.unchangedItem', { title: b.title, docNumber: b.docNumber })}</Link>
    </span>
  ));
  // The sentence is split around {list} so that the titles can be links.
  const [before, after = ''] = tk('targets.unchanged').split('{list}');
  return (
    <Alert
      type="warning"
      showIcon
      closable={{ onClose }}
      title={tk('targets.unchangedTitle')}
      description={
        <span>
          {before}
          {list}
          {after}
        </span>
      }
      style={{ marginBottom: 12 }}
      data-testid="targets-unchanged-bulletins"
    />
  );
}
