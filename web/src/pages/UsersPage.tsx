import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Table, Tag, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Id, User } from '../api';
import { invalidateUsers, usersQuery } from '../features/admin/queries';
import { errorMessage } from '../forms';
import { formatTime } from '../format';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { useUnits } from '../useUnits';
import { PageHeader } from '../components/PageHeader';
import { UnitTreeSelect } from '../components/UnitTreeSelect';
import { UserFormModal } from '../components/UserFormModal';

type Dialog = { user?: User } | null;

/** The users the caller may see, searchable and filtered by unit, with create and edit. */
export function UsersPage() {
  const { t, roleLabel } = useI18n();
  const { can, me, refresh } = useSession();
  const { roots } = useUnits();
  const [q, setQ] = useState('');
  const [unitId, setUnitId] = useState<Id | undefined>(undefined);
  const [dialog, setDialog] = useState<Dialog>(null);
  const canManage = can('user.manage');

  const list = useQuery(usersQuery(q.trim(), unitId));
  const users = list.data?.items ?? [];
  const loading = list.isFetching;
  const error = list.error ? errorMessage(list.error) : null;

  const afterSave = async (saved: User) => {
    setDialog(null);
    await invalidateUsers();
    if (saved.id === me.id) await refresh();
  };

  const columns: TableColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', key: 'username', width: 140 },
    { title: t('users.displayName'), dataIndex: 'displayName', key: 'displayName', width: 140 },
    {
      title: t('users.role'),
      dataIndex: 'role',
      key: 'role',
      width: 120,
      render: (role: string) => <Tag color="blue">{roleLabel(role)}</Tag>,
    },
    { title: t('users.unit'), dataIndex: 'unitName', key: 'unitName', render: (name: string | null) => name ?? '—' },
    {
      title: t('users.status'),
      dataIndex: 'isActive',
      key: 'isActive',
      width: 90,
      render: (active: boolean) =>
        active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>,
    },
    {
      title: t('users.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 150,
      render: (at: string) => formatTime(at),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            fixed: 'right' as const,
            render: (_: unknown, user: User) => (
              <Button
                type="link"
                size="small"
                icon={<EditOutlined />}
                onClick={() => setDialog({ user })}
                data-testid={`user-edit-${user.username}`}
              >
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({})} data-testid="user-create">
              {t('users.create')}
            </Button>
          )
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card styles={{ body: { padding: 12 } }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            onSearch={(value) => setQ(value)}
            style={{ width: 240, maxWidth: '100%' }}
            data-testid="users-search"
          />
          <UnitTreeSelect
            roots={roots}
            value={unitId}
            onChange={setUnitId}
            allowClear
            placeholder={t('users.unitFilter')}
            style={{ width: 240, maxWidth: '100%' }}
            data-testid="users-unit-filter"
          />
        </div>
        <Table<User>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users}
          loading={loading}
          scroll={{ x: 860 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          data-testid="users-table"
        />
      </Card>
      {dialog && (
        <UserFormModal
          user={dialog.user}
          roots={roots}
          defaultUnitId={unitId}
          onClose={() => setDialog(null)}
          onSaved={(user) => void afterSave(user)}
        />
      )}
    </>
  );
}
