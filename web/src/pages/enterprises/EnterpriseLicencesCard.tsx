// 证照 of one enterprise: days left and state of each; add, edit and delete for those who keep the enterprise.
import { useState } from 'react';
import { App, Button, Card, Grid, Popconfirm, Table } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { enterprisesApi, type EnterpriseDetail, type LicenceView } from '../../api-enterprises';
import { invalidateEnterprises } from '../../features/enterprises/queries';
import { errorMessage } from '../../forms';
import { useI18n } from '../../i18n';
import { useEnterprisesI18n } from '../../i18n-enterprises';
import { lazyDialog } from '../../components/lazyDialog';
import { LICENCE_TABLE_MIN_WIDTH, licenceColumns } from './licenceColumns';

const LicenceFormModal = lazyDialog(() => import('./LicenceFormModal').then((m) => m.LicenceFormModal));

/** The enterprise's licences, soonest to end first. */
export function EnterpriseLicencesCard({ enterprise }: { enterprise: EnterpriseDetail }) {
  const i18n = useEnterprisesI18n();
  const { te, licenceType } = i18n;
  const { t } = useI18n();
  const { message } = App.useApp();
  const isPhone = Grid.useBreakpoint().md === false;
  // undefined: closed; null: a new licence; else the licence edited.
  const [editing, setEditing] = useState<LicenceView | null | undefined>(undefined);
  const licences = [...enterprise.licences].sort((a, b) => a.validTo.localeCompare(b.validTo));

  const remove = async (licence: LicenceView) => {
    try {
      await enterprisesApi.deleteLicence(licence.id);
      message.success(te('licence.deleted', { number: licence.number }));
      await invalidateEnterprises();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const actions = (l: LicenceView) => (
    <span style={{ display: 'inline-flex', gap: 4, whiteSpace: 'nowrap' }}>
      <Button
        size="small"
        type="text"
        icon={<EditOutlined />}
        onClick={() => setEditing(l)}
        aria-label={t('common.edit')}
        title={t('common.edit')}
        data-testid={`licence-edit-${l.id}`}
      />
      <Popconfirm
        title={te('licence.deleteConfirm', { type: licenceType(l.type), number: l.number })}
        okText={t('common.delete')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true }}
        onConfirm={() => remove(l)}
      >
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('common.delete')}
          title={t('common.delete')}
          data-testid={`licence-delete-${l.id}`}
        />
      </Popconfirm>
    </span>
  );

  return (
    <Card
      size="small"
      title={te('detail.licences', { count: licences.length })}
      extra={
        enterprise.canEdit && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="licence-add">
            {te('licence.add')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
      styles={{ body: { padding: isPhone ? 0 : undefined } }}
      data-testid="enterprise-licences"
    >
      <Table<LicenceView>
        rowKey="id"
        size="small"
        columns={licenceColumns(i18n, { isPhone, actions: enterprise.canEdit ? actions : undefined })}
        dataSource={licences}
        pagination={false}
        scroll={isPhone ? undefined : { x: LICENCE_TABLE_MIN_WIDTH }}
        locale={{ emptyText: te('licence.none') }}
        data-testid="licences-table"
      />
      {editing !== undefined && (
        <LicenceFormModal
          enterpriseId={enterprise.id}
          licence={editing ?? undefined}
          onClose={() => setEditing(undefined)}
          onSaved={(saved) => {
            message.success(
              editing ? t('common.saved') : te('licence.added', { type: licenceType(saved.type), date: saved.validTo }),
            );
            setEditing(undefined);
            void invalidateEnterprises();
          }}
        />
      )}
    </Card>
  );
}
