import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { api, type ApiToken } from '../api';
import { errorMessage } from '../forms';
import { formatTime } from '../format';
import { useI18n } from '../i18n';
import { PageHeader } from '../components/PageHeader';
import { TokenCreateModal } from '../components/TokenCreateModal';

/** The signed-in user's own API tokens: list, create (shown once), revoke. */
export function TokensPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ['tokens'], queryFn: () => api.listTokens() });
  const tokens: ApiToken[] = query.data?.items ?? [];
  const loading = query.isFetching;
  const error = query.error ? errorMessage(query.error) : null;
  const load = () => queryClient.invalidateQueries({ queryKey: ['tokens'] });

  const revocation = useMutation({
    mutationFn: (token: ApiToken) => api.revokeToken(token.id),
    onSuccess: async () => {
      message.success(t('tokens.revoked'));
      await load();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const revoke = (token: ApiToken) => revocation.mutateAsync(token).catch(() => undefined);

  const columns: TableColumnsType<ApiToken> = [
    { title: t('tokens.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('tokens.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 160,
      render: (at: string) => formatTime(at),
    },
    {
      title: t('tokens.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      key: 'lastUsedAt',
      width: 160,
      render: (at: string | null) =>
        at ? formatTime(at) : <Typography.Text type="secondary">{t('tokens.never')}</Typography.Text>,
    },
    {
      title: t('tokens.expiresAt'),
      dataIndex: 'expiresAt',
      key: 'expiresAt',
      width: 160,
      render: (at: string) =>
        Date.parse(at) <= Date.now() ? (
          <Typography.Text type="danger">{t('tokens.expired', { at: formatTime(at) })}</Typography.Text>
        ) : (
          formatTime(at)
        ),
    },
    {
      title: t('tokens.writes'),
      dataIndex: 'writes',
      key: 'writes',
      render: (writes: ApiToken['writes']) =>
        writes.length === 0 ? (
          <Tag>{t('tokens.readOnly')}</Tag>
        ) : (
          writes.map((r) => <Tag key={r}>{t(`tokens.resource.${r}`)}</Tag>)
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_: unknown, token) => (
        <Popconfirm
          title={t('tokens.revokeConfirm', { name: token.name })}
          okText={t('tokens.revoke')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => revoke(token)}
        >
          <Button type="link" danger size="small" icon={<DeleteOutlined />} data-testid={`token-revoke-${token.id}`}>
            {t('tokens.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
            {t('tokens.create')}
          </Button>
        }
      />
      <Alert type="info" showIcon title={t('tokens.intro')} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card styles={{ body: { padding: 12 } }}>
        <Table<ApiToken>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={tokens}
          loading={loading}
          pagination={false}
          scroll={{ x: 860 }}
          data-testid="tokens-table"
        />
      </Card>
      {creating && <TokenCreateModal onClose={() => setCreating(false)} onCreated={() => void load()} />}
    </>
  );
}
