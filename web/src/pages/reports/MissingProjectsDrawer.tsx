import { Button, Drawer, Grid, List, Typography } from 'antd';
import type { TodoItem } from '../../api-reports';
import { Link } from '../../components/Link';
import { useNamespace } from '../../i18n-setup';
import { ReportStateTag } from './shared';

/** Not filed: nothing yet, still a draft, or returned and not filed again. */
export const isUnfiled = (item: TodoItem) => item.state !== 'submitted' && item.state !== 'approved';

/** The projects a unit of 各单位报送情况 has not filed this month, each opening its project; with 催报. */
export function MissingProjectsDrawer({
  unit,
  items,
  onClose,
  onRemind,
  reminding,
}: {
  unit: { unitId: number; unitName: string } | null;
  items: TodoItem[];
  onClose: () => void;
  onRemind?: (unit: { unitId: number; unitName: string }) => void;
  reminding?: boolean;
}) {
  const { t } = useNamespace('work');
  const screens = Grid.useBreakpoint();
  const unfiled = unit ? items.filter((i) => i.statusUnitId === unit.unitId && isUnfiled(i)) : [];
  return (
    <Drawer
      open={unit !== null}
      onClose={onClose}
      size={screens.md ? 480 : '100%'}
      title={unit ? t('missing.title', { unit: unit.unitName, n: unfiled.length }) : ''}
      data-testid="missing-drawer"
      extra={
        unit &&
        onRemind &&
        unfiled.length > 0 && (
          <Button type="primary" loading={reminding} onClick={() => onRemind(unit)} data-testid="missing-remind">
            {t('remind.button')}
          </Button>
        )
      }
    >
      <List
        dataSource={unfiled}
        locale={{ emptyText: t('missing.none') }}
        renderItem={(item) => (
          <List.Item data-testid={`missing-${item.projectId}`} extra={<ReportStateTag state={item.state} />}>
            <List.Item.Meta
              title={<Link to={`/projects/${item.projectId}`}>{item.projectName}</Link>}
              description={<Typography.Text type="secondary">{item.unitName}</Typography.Text>}
            />
          </List.Item>
        )}
      />
    </Drawer>
  );
}
