// 目标企业: per chain and link, the head companies the county means to approach (头部企业、独角兽), how far each
// approach has got (changed in place by those who keep it) and the deals that came from them.
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Grid,
  Input,
  Modal,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { TARGET_CATEGORIES, TARGET_STATUSES } from '../../../../src/contract/deals';
import { dealsApi, type DealTargetBody, type DealTargetView } from '../../api-deals';
import { Link } from '../../components/Link';
import { PageHeader } from '../../components/PageHeader';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { dealTargetsQuery } from '../../features/deals/queries';
import { errorMessage, placeApiError } from '../../forms';
import { useDealsI18n } from '../../i18n-deals';
import { queryClient } from '../../queries/client';
import { useSession } from '../../session';
import { useUnits } from '../../useUnits';
import { DealStageTag, mayEnterDeals, useDealOptions } from './shared';

type Category = (typeof TARGET_CATEGORIES)[number];
type Status = (typeof TARGET_STATUSES)[number];
const STATUS_COLOURS: Record<Status, string> = {
  notContacted: 'default',
  contacted: 'blue',
  visited: 'cyan',
  negotiating: 'gold',
  signed: 'green',
  declined: 'red',
};

export function DealTargetsPage() {
  const { td } = useDealsI18n();
  const { message } = App.useApp();
  const { me } = useSession();
  const isPhone = Grid.useBreakpoint().md === false;
  const { chains, links } = useDealOptions();
  const [chainKey, setChainKey] = useState<string | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const targets = useQuery(dealTargetsQuery(chainKey));
  const keeps = mayEnterDeals(me.role);
  const category = (c: Category) => td(`targets.cat.${c}` as const);
  const status = (s: Status) => td(`targets.st.${s}` as const);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['deals', 'targets'] });

  const setStatus = async (t: DealTargetView, next: Status) => {
    try {
      await dealsApi.updateTarget(t.id, { status: next });
      message.success(td('targets.saved', { name: t.name }));
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const statusCell = (t: DealTargetView) =>
    keeps ? (
      <Select<Status>
        size="small"
        value={t.status}
        style={{ width: 112 }}
        options={TARGET_STATUSES.map((s) => ({ value: s, label: status(s) }))}
        onChange={(s) => void setStatus(t, s)}
        data-testid={`target-status-${t.id}`}
      />
    ) : (
      <Tag color={STATUS_COLOURS[t.status]}>{status(t.status)}</Tag>
    );
  const dealsCell = (t: DealTargetView) =>
    t.deals.length ? (
      <Space direction="vertical" size={2}>
        {t.deals.map((d) => (
          <span key={d.id}>
            <Link to={`/deals/${d.id}`}>{d.name}</Link> <DealStageTag stage={d.stage} />
          </span>
        ))}
      </Space>
    ) : (
      '—'
    );
  const chainCell = (t: DealTargetView) => [t.chainLabel, t.linkLabel].filter(Boolean).join(' · ');

  return (
    <div data-testid="deal-targets-page">
      <PageHeader
        title={td('targets.title')}
        extra={
          keeps && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="target-add">
              {td('targets.add')}
            </Button>
          )
        }
      />
      <Select
        allowClear
        placeholder={td('targets.allChains')}
        options={chains}
        value={chainKey}
        onChange={(v) => setChainKey(v ?? undefined)}
        style={{ width: isPhone ? '100%' : 240, marginBottom: 12 }}
        data-testid="targets-chain"
      />
      {targets.error && (
        <Alert type="error" showIcon title={errorMessage(targets.error)} style={{ marginBottom: 12 }} />
      )}
      <Card styles={{ body: { padding: isPhone ? 0 : 12 } }}>
        {!targets.data ? (
          <Skeleton active />
        ) : (
          <Table<DealTargetView>
            rowKey="id"
            size="small"
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            dataSource={targets.data.items}
            locale={{ emptyText: td('targets.empty') }}
            data-testid="targets-table"
            columns={
              isPhone
                ? [
                    {
                      key: 'n',
                      title: td('targets.name'),
                      render: (_: unknown, t) => (
                        <Space direction="vertical" size={4} style={{ minWidth: 0 }}>
                          <strong style={{ overflowWrap: 'anywhere' }}>{t.name}</strong>
                          <span style={{ fontSize: 12, color: '#666' }}>
                            {chainCell(t)} · {category(t.category)}
                          </span>
                          {statusCell(t)}
                          {dealsCell(t)}
                        </Space>
                      ),
                    },
                  ]
                : [
                    { key: 'n', title: td('targets.name'), render: (_: unknown, t) => <strong>{t.name}</strong> },
                    { key: 'c', title: td('f.chain'), width: 200, render: (_: unknown, t) => chainCell(t) },
                    {
                      key: 'k',
                      title: td('targets.category'),
                      width: 100,
                      render: (_: unknown, t) => category(t.category),
                    },
                    { key: 'h', title: td('targets.hq'), width: 100, render: (_: unknown, t) => t.hqRegion ?? '—' },
                    { key: 'u', title: td('f.unit'), width: 120, render: (_: unknown, t) => t.unit.name },
                    { key: 's', title: td('targets.status'), width: 128, render: (_: unknown, t) => statusCell(t) },
                    { key: 'd', title: td('targets.deals'), render: (_: unknown, t) => dealsCell(t) },
                  ]
            }
          />
        )}
      </Card>
      {adding && (
        <TargetModal
          chains={chains}
          links={links}
          onClose={() => setAdding(false)}
          onSaved={async (t) => {
            setAdding(false);
            message.success(td('targets.saved', { name: t.name }));
            await refresh();
          }}
        />
      )}
    </div>
  );
}

function TargetModal({
  chains,
  links,
  onClose,
  onSaved,
}: {
  chains: { value: string; label: string }[];
  links: (chainKey: string | null | undefined) => { value: string; label: string }[];
  onClose: () => void;
  onSaved: (t: DealTargetView) => Promise<void>;
}) {
  const { td } = useDealsI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<DealTargetBody>();
  const [busy, setBusy] = useState(false);
  const { roots } = useUnits();
  const chosenChain = Form.useWatch('chainKey', form);
  const required = (label: string) => [{ required: true, message: label }];
  const save = async () => {
    let values: DealTargetBody;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      await onSaved(await dealsApi.addTarget(values));
    } catch (e) {
      const shown = placeApiError(form, e);
      if (shown) message.error(shown);
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={td('targets.add')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={busy}
      destroyOnHidden
      maskClosable={false}
    >
      <Form<DealTargetBody> form={form} layout="vertical" initialValues={{ category: 'head', status: 'notContacted' }}>
        <Form.Item name="name" label={td('targets.name')} rules={required(td('targets.name'))}>
          <Input maxLength={120} data-testid="target-form-name" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="chainKey" label={td('f.chain')} rules={required(td('f.chain'))}>
              <Select
                options={chains}
                onChange={() => form.setFieldValue('linkKey', null)}
                data-testid="target-form-chain"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="linkKey" label={td('f.link')}>
              <Select allowClear options={links(chosenChain)} data-testid="target-form-link" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="category" label={td('targets.category')}>
              <Select options={TARGET_CATEGORIES.map((c) => ({ value: c, label: td(`targets.cat.${c}` as const) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="hqRegion" label={td('targets.hq')}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="creditCode" label={td('targets.creditCode')}>
              <Input maxLength={18} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="unitId" label={td('f.unit')} rules={required(td('f.unit'))}>
              <UnitTreeSelect roots={roots} style={{ width: '100%' }} data-testid="target-form-unit" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={td('targets.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
