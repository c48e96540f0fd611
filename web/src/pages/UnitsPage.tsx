import { useEffect, useMemo, useState } from 'react';
import { Alert, Card, Col, Empty, Grid, Row, Spin, Tree, type TreeDataNode } from 'antd';
import type { Id, Unit } from '../api';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { useUnits } from '../useUnits';
import type { UnitNode } from '../units';
import { KindTag } from '../components/KindTag';
import { PageHeader } from '../components/PageHeader';
import { UnitDetail } from '../components/UnitDetail';
import { UnitFormModal } from '../components/UnitFormModal';

type Dialog = { mode: 'create'; parent: Unit } | { mode: 'edit'; unit: Unit } | null;

function toTreeData(nodes: UnitNode[]): TreeDataNode[] {
  return nodes.map((node) => ({
    key: node.unit.id,
    title: (
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }} data-testid="unit-node">
        <span>{node.unit.name}</span>
        <KindTag kind={node.unit.kind} />
      </span>
    ),
    children: toTreeData(node.children),
  }));
}

/** The unit tree, opened at the county's townships, streets and departments, with the selected unit's card. */
export function UnitsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const screens = Grid.useBreakpoint();
  const { units, roots, byId, loading, error, reload } = useUnits();
  const [expandedKeys, setExpandedKeys] = useState<Id[] | null>(null);
  const [selectedId, setSelectedId] = useState<Id | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);

  // On first load: open the roots so their children show, and select the first root.
  useEffect(() => {
    if (expandedKeys === null && roots.length > 0) {
      setExpandedKeys(roots.map((root) => root.unit.id));
      setSelectedId((current) => current ?? roots[0].unit.id);
    }
  }, [roots, expandedKeys]);

  const treeData = useMemo(() => toTreeData(roots), [roots]);
  const selected = selectedId === null ? undefined : byId.get(selectedId);

  const afterSave = async (saved: Unit) => {
    setDialog(null);
    await reload();
    setSelectedId(saved.id);
    if (saved.parentId !== null) {
      const parentId = saved.parentId;
      setExpandedKeys((keys) => (keys?.includes(parentId) ? keys : [...(keys ?? []), parentId]));
    }
  };

  const afterDelete = async (deleted: Unit) => {
    await reload();
    setSelectedId(deleted.parentId);
  };

  return (
    <>
      <PageHeader title={t('units.title')} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10} xl={9}>
          <Card title={t('units.tree')} styles={{ body: { padding: 12 } }}>
            <Spin spinning={loading && units.length === 0}>
              {units.length === 0 && !loading ? (
                <Empty description={t('units.empty')} />
              ) : (
                <div
                  data-testid="units-tree"
                  style={{ maxHeight: screens.lg ? 'calc(100vh - 220px)' : undefined, overflow: 'auto' }}
                >
                  <Tree
                    showLine
                    blockNode
                    treeData={treeData}
                    expandedKeys={expandedKeys ?? []}
                    onExpand={(keys) => setExpandedKeys(keys as Id[])}
                    selectedKeys={selectedId === null ? [] : [selectedId]}
                    onSelect={(keys) => {
                      // Clicking the selected node again keeps it selected instead of clearing the card.
                      if (keys.length > 0) setSelectedId(keys[0] as Id);
                    }}
                  />
                </div>
              )}
            </Spin>
          </Card>
        </Col>
        <Col xs={24} lg={14} xl={15}>
          {selected ? (
            <UnitDetail
              unit={selected}
              parent={selected.parentId === null ? undefined : byId.get(selected.parentId)}
              canManage={can('unit.manage')}
              onAddChild={() => setDialog({ mode: 'create', parent: selected })}
              onEdit={() => setDialog({ mode: 'edit', unit: selected })}
              onDeleted={(unit) => void afterDelete(unit)}
            />
          ) : (
            <Card>
              <Empty description={t('units.selectHint')} />
            </Card>
          )}
        </Col>
      </Row>
      {dialog && (
        <UnitFormModal
          {...dialog}
          units={units}
          roots={roots}
          onClose={() => setDialog(null)}
          onSaved={(unit) => void afterSave(unit)}
        />
      )}
    </>
  );
}
