// A deal's activity log (周日志: visits, calls, talks, receptions) with its entry form, and its funds in place (到位资金)
// with theirs. Each form posts one entry; the deal comes back as it now stands.
import { useState } from 'react';
import { App, Button, Empty, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { dealsApi, type DealDetail, type DealFund } from '../../api-deals';
import { placeApiError } from '../../forms';
import { useI18n } from '../../i18n';
import { useDealsI18n } from '../../i18n-deals';
import { countyNow } from '../../today';
import { DateInput } from '../projects/DateInput';
import { WanInput } from '../projects/WanInput';
import { ACTIVITY_KINDS, type ActivityKind } from '../../../../src/domain/deals/deal-fields';
import { useWan } from './shared';

const KIND_COLOURS: Record<ActivityKind, string> = {
  visit: 'blue',
  call: 'cyan',
  talk: 'purple',
  reception: 'gold',
  other: 'default',
};

/** An activity's kind as a coloured tag. */
export function ActivityKindTag({ kind, label }: { kind: ActivityKind; label: string }) {
  return (
    <Tag color={KIND_COLOURS[kind]} style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
}

interface ActivityValues {
  onDate?: string | null;
  kind?: ActivityKind;
  attendees?: string;
  summary?: string;
}

/** The log, newest first, and (for those who keep the deal, while it is open) the form that adds to it. */
export function DealActivities({
  deal,
  canAdd,
  onAdded,
}: {
  deal: DealDetail;
  canAdd: boolean;
  onAdded: (next: DealDetail) => void;
}) {
  const { td, activityKind } = useDealsI18n();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActivityValues>();
  const [busy, setBusy] = useState(false);
  const today = countyNow().format('YYYY-MM-DD');
  const entries = [...deal.activities].sort((a, b) =>
    a.onDate < b.onDate ? 1 : a.onDate > b.onDate ? -1 : b.id - a.id,
  );

  const submit = async (v: ActivityValues) => {
    setBusy(true);
    try {
      const next = await dealsApi.addActivity(deal.id, {
        onDate: v.onDate ?? '',
        kind: v.kind ?? 'visit',
        attendees: (v.attendees ?? '').trim(),
        summary: (v.summary ?? '').trim(),
      });
      form.resetFields(['attendees', 'summary']);
      void message.success(td('log.added'));
      onAdded(next);
    } catch (e) {
      const shown = placeApiError(form, e);
      if (shown) void message.error(shown);
    } finally {
      setBusy(false);
    }
  };

  const required = (label: string) => [{ required: true, whitespace: true, message: t('common.required', { label }) }];
  return (
    <div data-testid="deal-activities" data-count={deal.activities.length}>
      {entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={td('log.empty')} style={{ margin: '8px 0' }} />
      ) : (
        <div style={{ display: 'flex', flexDirection: 'column' }}>
          {entries.map((a) => (
            <div
              key={a.id}
              style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0', minWidth: 0 }}
              data-testid="deal-activity"
            >
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2px 8px', alignItems: 'center' }}>
                <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {a.onDate}
                </Typography.Text>
                <ActivityKindTag kind={a.kind} label={a.kindLabel} />
                <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
                  {a.attendees}
                </Typography.Text>
              </div>
              <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginTop: 2 }}>{a.summary}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {td('log.by', { actor: a.actor })}
              </Typography.Text>
            </div>
          ))}
        </div>
      )}
      {canAdd && (
        <Form<ActivityValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ onDate: today, kind: 'visit' }}
          onFinish={(v) => void submit(v)}
          style={{ marginTop: 12, paddingTop: 12, borderTop: '1px dashed #d9d9d9' }}
          data-testid="deal-activity-form"
        >
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: '0 12px' }}>
            <Form.Item name="onDate" label={td('log.onDate')} rules={required(td('log.onDate'))}>
              <DateInput maxDate={today} data-testid="deal-activity-date" />
            </Form.Item>
            <Form.Item name="kind" label={td('log.kind')} rules={[{ required: true }]}>
              <Select
                options={ACTIVITY_KINDS.map((value) => ({ value, label: activityKind(value) }))}
                data-testid="deal-activity-kind"
              />
            </Form.Item>
          </div>
          <Form.Item name="attendees" label={td('log.attendees')} rules={required(td('log.attendees'))}>
            <Input maxLength={300} placeholder={td('log.attendeesPlaceholder')} data-testid="deal-activity-attendees" />
          </Form.Item>
          <Form.Item name="summary" label={td('log.summary')} rules={required(td('log.summary'))}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="deal-activity-summary" />
          </Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={busy} data-testid="deal-activity-submit">
            {td('log.add')}
          </Button>
        </Form>
      )}
    </div>
  );
}

interface FundValues {
  onDate?: string | null;
  amountWan?: string | null;
  note?: string;
}

/** Funds in place: the total, each entry, and (signed or landed, for those who keep the deal) the form adding one. */
export function DealFunds({
  deal,
  canAdd,
  onAdded,
}: {
  deal: DealDetail;
  canAdd: boolean;
  onAdded: (next: DealDetail) => void;
}) {
  const { td } = useDealsI18n();
  const { t } = useI18n();
  const { message } = App.useApp();
  const wan = useWan();
  const [form] = Form.useForm<FundValues>();
  const [busy, setBusy] = useState(false);
  const today = countyNow().format('YYYY-MM-DD');

  const submit = async (v: FundValues) => {
    setBusy(true);
    try {
      const next = await dealsApi.addFund(deal.id, {
        onDate: v.onDate ?? '',
        amountWan: v.amountWan ?? '',
        note: v.note?.trim() || null,
      });
      form.resetFields(['amountWan', 'note']);
      void message.success(td('funds.added'));
      onAdded(next);
    } catch (e) {
      const shown = placeApiError(form, e);
      if (shown) void message.error(shown);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="deal-funds">
      <div style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{td('funds.total')} </Typography.Text>
        <Typography.Text
          strong
          style={{ fontSize: 16, fontVariantNumeric: 'tabular-nums' }}
          data-testid="deal-funds-total"
        >
          {wan(deal.fundsInPlaceYuan)}
        </Typography.Text>
      </div>
      {deal.funds.length > 0 && (
        <Table<DealFund>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={deal.funds}
          columns={[
            { key: 'onDate', title: td('funds.onDate'), dataIndex: 'onDate', width: 110 },
            {
              key: 'amount',
              title: td('funds.amount'),
              align: 'right',
              width: 140,
              render: (_: unknown, f) => (
                <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{wan(f.amountYuan)}</span>
              ),
            },
            { key: 'note', title: td('funds.note'), render: (_: unknown, f) => f.note ?? '—' },
          ]}
          data-testid="deal-funds-table"
        />
      )}
      {canAdd && (
        <Form<FundValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ onDate: today }}
          onFinish={(v) => void submit(v)}
          style={{ marginTop: 12, paddingTop: 12, borderTop: '1px dashed #d9d9d9' }}
          data-testid="deal-fund-form"
        >
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: '0 12px' }}>
            <Form.Item
              name="onDate"
              label={td('funds.onDate')}
              rules={[{ required: true, message: t('common.required', { label: td('funds.onDate') }) }]}
            >
              <DateInput maxDate={today} data-testid="deal-fund-date" />
            </Form.Item>
            <Form.Item
              name="amountWan"
              label={td('funds.amount')}
              rules={[{ required: true, message: t('common.required', { label: td('funds.amount') }) }]}
            >
              <WanInput data-testid="deal-fund-amount" />
            </Form.Item>
          </div>
          <Form.Item name="note" label={td('funds.note')}>
            <Input maxLength={300} data-testid="deal-fund-note" />
          </Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={busy} data-testid="deal-fund-submit">
            {td('funds.add')}
          </Button>
        </Form>
      )}
    </div>
  );
}
