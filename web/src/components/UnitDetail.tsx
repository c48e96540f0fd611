import { App, Button, Card, Descriptions, Space } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api, type Unit } from '../api';
import { errorMessage } from '../forms';
import { useI18n } from '../i18n';
import { KindTag } from './KindTag';

interface UnitDetailProps {
  unit: Unit;
  parent: Unit | undefined;
  canManage: boolean;
  onAddChild: () => void;
  onEdit: () => void;
  onDeleted: (unit: Unit) => void;
}

/** The selected unit's facts, with add / edit / delete for those who manage units. */
export function UnitDetail({ unit, parent, canManage, onAddChild, onEdit, onDeleted }: UnitDetailProps) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();

  const confirmDelete = () => {
    modal.confirm({
      title: t('units.deleteConfirm', { name: unit.name }),
      content: t('units.deleteHint'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'unit-delete-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api.deleteUnit(unit.id);
          message.success(t('units.deleted'));
          onDeleted(unit);
        } catch (e) {
          // 409 while the unit still has sub-units or users: the server says which.
          message.error({ content: errorMessage(e), key: 'unit-delete-error' });
        }
      },
    });
  };

  return (
    <Card
      title={
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
          <span data-testid="unit-detail-name">{unit.name}</span>
          <KindTag kind={unit.kind} />
        </span>
      }
      data-testid="unit-detail"
    >
      <Descriptions
        column={{ xs: 1, sm: 2 }}
        size="small"
        items={[
          { key: 'name', label: t('units.name'), children: unit.name },
          { key: 'kind', label: t('units.kind'), children: <KindTag kind={unit.kind} /> },
          { key: 'region', label: t('units.regionCode'), children: unit.regionCode || '—' },
          { key: 'parent', label: t('units.parent'), children: parent?.name ?? '—' },
          { key: 'children', label: t('units.childCount'), children: unit.childCount },
          { key: 'users', label: t('units.userCount'), children: unit.userCount },
        ]}
      />
      {canManage && (
        <Space wrap style={{ marginTop: 16 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={onAddChild} data-testid="unit-add-child">
            {t('units.addChild')}
          </Button>
          <Button icon={<EditOutlined />} onClick={onEdit} data-testid="unit-edit">
            {t('common.edit')}
          </Button>
          {/* The county itself is never deleted; the server refuses it too. */}
          {unit.parentId !== null && (
            <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} data-testid="unit-delete">
              {t('common.delete')}
            </Button>
          )}
        </Space>
      )}
    </Card>
  );
}
