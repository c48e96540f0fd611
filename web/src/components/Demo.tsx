import { useEffect, useState } from 'react';
import { Alert, Button, Table, Tag, Typography } from 'antd';
import { api, type DemoAccount, type SetupStatus } from '../api';
import { useI18n } from '../i18n';

/** Strings of the demo features, kept beside them. */
const TEXT = {
  'zh-CN': {
    banner: (p: string) => `演示实例：数据为虚构的兰溪市样例，所有账号的密码均为 ${p}`,
    accounts: '演示账号（点击填入）',
    username: '用户名',
    role: '角色',
    unit: '单位',
    load: '载入演示县（兰溪市样例数据）',
    loadHint:
      '不想手工设置？载入一个虚构的兰溪市：真实的乡镇街道、部门平台、约 300 个项目和各角色账号，以及今年以来的月报、亮灯和通报。',
    loading: '正在按时间顺序重放演示县今年以来的每一步（建库、月报、审核、通报），约需 15 秒…',
  },
  en: {
    banner: (p: string) => `Demo instance: fictional sample data for 兰溪市; every account's password is ${p}`,
    accounts: 'Demo accounts (click to fill in)',
    username: 'Username',
    role: 'Role',
    unit: 'Unit',
    load: 'Load the demo county (sample 兰溪市)',
    loadHint:
      'Rather not set up by hand? Load a fictional 兰溪市: real townships, departments, about 300 projects and accounts of every role, with this year’s reports, lights and bulletins.',
    loading: 'Replaying the demo county’s year step by step (library, reports, reviews, bulletins); about 15 seconds…',
  },
};

function useSetupStatus(): SetupStatus | null {
  const [status, setStatus] = useState<SetupStatus | null>(null);
  useEffect(() => {
    api.getSetup().then(setStatus, () => setStatus(null));
  }, []);
  return status;
}

/** The banner every page of a demo instance shows. */
export function DemoBanner() {
  const { lang } = useI18n();
  const status = useSetupStatus();
  if (!status?.demo) return null;
  return (
    <Alert type="warning" banner showIcon title={TEXT[lang].banner(status.demo.password)} data-testid="demo-banner" />
  );
}

/** On a demo instance's sign-in page: the accounts with their password, one click to fill the form. */
export function DemoAccounts({ onPick }: { onPick: (username: string, password: string) => void }) {
  const { lang, roleLabel } = useI18n();
  const status = useSetupStatus();
  if (!status?.demo) return null;
  const { password, accounts } = status.demo;
  return (
    <div style={{ marginTop: 24 }} data-testid="demo-accounts">
      <Typography.Text strong>{TEXT[lang].accounts}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {TEXT[lang].banner(password)}
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
            title: TEXT[lang].username,
            dataIndex: 'username',
            render: (u: string) => <Typography.Text code>{u}</Typography.Text>,
          },
          { title: TEXT[lang].role, dataIndex: 'role', render: (r: string) => <Tag>{roleLabel(r)}</Tag> },
          { title: TEXT[lang].unit, dataIndex: 'unitName' },
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
      <Typography.Paragraph type="secondary">{TEXT[lang].loadHint}</Typography.Paragraph>
      {error && <Alert type="error" title={error} style={{ marginBottom: 8 }} />}
      {busy && (
        <Alert type="info" title={TEXT[lang].loading} style={{ marginBottom: 8 }} data-testid="setup-demo-loading" />
      )}
      <Button block onClick={load} loading={busy} data-testid="setup-load-demo">
        {TEXT[lang].load}
      </Button>
    </div>
  );
}
