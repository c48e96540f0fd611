// The demo features of the sign-in and first-run pages: the accounts to pick, the button that loads the demo county.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Table, Tag, Typography } from 'antd';
import { api, type DemoAccount } from '../api';
import { useI18n } from '../i18n';
import { setupQuery } from '../queries/setup';
import { DEMO_TEXT } from './demo-text';

/** On a demo instance's sign-in page: the accounts with their password, one click to fill the form. */
export function DemoAccounts({ onPick }: { onPick: (username: string, password: string) => void }) {
  const { lang, roleLabel } = useI18n();
  const { data: status } = useQuery(setupQuery);
  if (!status?.demo) return null;
  const { password, accounts } = status.demo;
  return (
    <div style={{ marginTop: 24 }} data-testid="demo-accounts">
      <Typography.Text strong>{DEMO_TEXT[lang].accounts}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {DEMO_TEXT[lang].banner(password)}
      </Typography.Paragraph>
      <Table<DemoAccount>
        size="small"
        rowKey="username"
        pagination={false}
        scroll={{ y: 240 }}
        dataSource={accounts}
        onRow={(a) => ({ onClick: () => onPick(a.username, password), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: DEMO_TEXT[lang].username,
            dataIndex: 'username',
            render: (u: string) => <Typography.Text code>{u}</Typography.Text>,
          },
          { title: DEMO_TEXT[lang].role, dataIndex: 'role', render: (r: string) => <Tag>{roleLabel(r)}</Tag> },
          { title: DEMO_TEXT[lang].unit, dataIndex: 'unitName' },
        ]}
      />
    </div>
  );
}

/** On the first-run page: fill the empty instance with the demo county instead of setting up by hand. */
export function LoadDemoButton({ onDone }: { onDone: () => Promise<void> }) {
  const { lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.loadDemo();
      await onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{DEMO_TEXT[lang].loadHint}</Typography.Paragraph>
      {error && <Alert type="error" title={error} style={{ marginBottom: 8 }} />}
      {busy && (
        <Alert
          type="info"
          title={DEMO_TEXT[lang].loading}
          style={{ marginBottom: 8 }}
          data-testid="setup-demo-loading"
        />
      )}
      <Button block onClick={load} loading={busy} data-testid="setup-load-demo">
        {DEMO_TEXT[lang].load}
      </Button>
    </div>
  );
}
