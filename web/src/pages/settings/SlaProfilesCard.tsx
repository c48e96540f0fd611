import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Form,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { ApiError } from '../../api';
import { settingsApi, type SlaProfileView, type TicketSettings, type TicketSettingsBody } from '../../api-settings';
import { ticketSettingsQuery } from '../../features/admin/queries';
import { errorMessage } from '../../forms';
import { queryClient } from '../../queries/client';
import { useSettingsI18n } from '../../i18n-settings';
import { COMPLEXITIES, type Limit } from '../../../../src/domain/tickets/sla';
import { clearFieldErrors } from './shared';

/** The limits a profile sets, in the order a ticket meets them; `close.<complexity>` by the ticket's complexity. */
const STAGES = ['accept', 'interim', ...COMPLEXITIES.map((c) => `close.${c}` as const), 'revisit'] as const;
type Stage = (typeof STAGES)[number];

/** The fields of the form a refused setting may name: an amount of a profile's limit, or the default. */
const AMOUNT_FIELD = /^profiles\.(\d+)\.(accept|interim|revisit|close\.(?:simple|general|complex))\.amount$/;

function fieldOf(field: string | undefined): (string | number)[] | null {
  if (field === 'defaultProfile') return ['defaultProfile'];
  const match = field ? AMOUNT_FIELD.exec(field) : null;
  return match ? ['profiles', Number(match[1]), ...match[2]!.split('.'), 'amount'] : null;
}

/**
 * The server names the field in its message (办理时限设置“profiles.0.close.complex.amount”：时限应为…); shown
 * beside that very cell the place goes without saying, so only what follows the name is kept.
 */
function cellMessage(message: string, field: string): string {
  const at = message.indexOf(field);
  if (at < 0) return message;
  return message.slice(at + field.length).replace(/^["”]\s*[:：]\s*/, '') || message;
}

const limitOf = (profile: SlaProfileView, stage: Stage): Limit | null => {
  if (stage.startsWith('close.')) return profile.close[stage.slice('close.'.length) as keyof SlaProfileView['close']];
  return profile[stage as 'accept' | 'interim' | 'revisit'];
};

/** 涉企问题办理时限: each profile as a table of its limits, the amounts editable, and the default for new tickets. */
export function SlaProfilesCard() {
  const { ts, text } = useSettingsI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<TicketSettingsBody>();
  const settings = useQuery(ticketSettingsQuery);
  const current = settings.data ?? null;
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const defaultProfile = Form.useWatch('defaultProfile', form) ?? current?.defaultProfile;

  const fill = useCallback(
    (value: TicketSettings) => {
      form.resetFields();
      form.setFieldsValue(value);
    },
    [form],
  );
  useEffect(() => {
    if (current) fill(current);
  }, [current, fill]);

  const clearErrors = () => {
    setSaveError(null);
    clearFieldErrors(form);
  };

  const save = async () => {
    setSaving(true);
    clearErrors();
    try {
      // The whole store, not only the boxes: every profile goes back whole, its amounts as edited.
      const values = form.getFieldsValue(true) as TicketSettingsBody;
      const saved = await settingsApi.updateTicketSettings({
        defaultProfile: values.defaultProfile,
        profiles: values.profiles,
      });
      queryClient.setQueryData(ticketSettingsQuery.queryKey, saved);
      fill(saved);
      message.success(ts('sla.saved'));
    } catch (e) {
      const field = e instanceof ApiError ? e.field : undefined;
      const name = fieldOf(field);
      if (name && field) {
        form.setFields([{ name: name as never, errors: [cellMessage(errorMessage(e), field)] }]);
        form.scrollToField(name as never, { block: 'center' });
      } else setSaveError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={ts('sla.title')} data-testid="sla-profiles">
      <Typography.Paragraph type="secondary">{ts('sla.intro')}</Typography.Paragraph>
      {settings.error && <Alert type="error" showIcon title={errorMessage(settings.error)} />}
      {!current && !settings.error && <Skeleton active paragraph={{ rows: 8 }} />}
      {saveError && (
        <Alert type="error" showIcon title={saveError} style={{ marginBottom: 12 }} data-testid="sla-error" />
      )}
      {current && (
        <Form<TicketSettingsBody>
          form={form}
          layout="vertical"
          requiredMark={false}
          onValuesChange={clearErrors}
          data-testid="sla-form"
        >
          <Form.Item label={ts('sla.default')} name="defaultProfile" extra={ts('sla.defaultHint')}>
            <Select
              options={current.profiles.map((p) => ({ value: p.key, label: text(p.name) }))}
              style={{ maxWidth: 280 }}
              data-testid="sla-default"
            />
          </Form.Item>
          <Row gutter={[16, 16]}>
            {current.profiles.map((profile, index) => (
              <Col key={profile.key} xs={24} lg={12} xl={8}>
                <ProfileTable profile={profile} index={index} isDefault={profile.key === defaultProfile} />
              </Col>
            ))}
          </Row>
          <Space wrap style={{ marginTop: 16 }}>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={saving}
              onClick={() => void save()}
              data-testid="sla-save"
            >
              {ts('sla.save')}
            </Button>
            <Button icon={<UndoOutlined />} onClick={() => (fill(current), clearErrors())}>
              {ts('reset')}
            </Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}

interface StageRow {
  key: Stage | 'extension';
  stage: string;
  /** From what the limit counts. */
  from?: string;
  value: ReactNode;
}

/** One profile: its name and tags, then a row per limit (受理 … 回访) and the extension rule. */
function ProfileTable({ profile, index, isDefault }: { profile: SlaProfileView; index: number; isDefault: boolean }) {
  const { ts, text, complexity, limitUnit } = useSettingsI18n();
  const name = text(profile.name);

  const stageName = (stage: Stage) =>
    stage.startsWith('close.')
      ? ts('sla.close', { complexity: complexity(stage.slice('close.'.length) as (typeof COMPLEXITIES)[number]) })
      : ts(`sla.${stage as 'accept' | 'interim' | 'revisit'}`);
  const fromOf = (stage: Stage) =>
    stage === 'accept' ? ts('sla.fromRaised') : stage === 'revisit' ? ts('sla.fromAnswered') : ts('sla.fromAssigned');

  const rows: StageRow[] = [
    ...STAGES.map((stage): StageRow => {
      const limit = limitOf(profile, stage);
      return {
        key: stage,
        stage: stageName(stage),
        from: fromOf(stage),
        value: limit ? (
          <Form.Item name={['profiles', index, ...stage.split('.'), 'amount']} style={{ marginBottom: 0 }}>
            <InputNumber<number>
              precision={0}
              suffix={limitUnit(limit.unit)}
              style={{ width: 150 }}
              aria-label={`${name} ${stageName(stage)}`}
              data-testid={`sla-${profile.key}-${stage}`}
            />
          </Form.Item>
        ) : (
          <Typography.Text type="secondary">{ts('sla.notOwed')}</Typography.Text>
        ),
      };
    }),
    {
      key: 'extension',
      stage: ts('sla.extension'),
      value: profile.extension.allowed
        ? ts('sla.extensionAllowed', { n: profile.extension.maxTimes })
        : ts('sla.extensionNone'),
    },
  ];

  const columns: TableColumnsType<StageRow> = [
    {
      title: ts('sla.col.stage'),
      key: 'stage',
      width: '42%',
      render: (_: unknown, row) => (
        <>
          <div>{row.stage}</div>
          {row.from && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.from}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: ts('sla.col.limit'), key: 'limit', render: (_: unknown, row) => row.value },
  ];

  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      data-testid={`sla-profile-${profile.key}`}
      title={
        <span style={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: 6, whiteSpace: 'normal' }}>
          <span>{name}</span>
          {isDefault && (
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
              {ts('sla.defaultTag')}
            </Tag>
          )}
          {profile.toConfirm && (
            <Tooltip title={ts('sla.toConfirmHint')}>
              <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid={`sla-to-confirm-${profile.key}`}>
                {ts('sla.toConfirm')}
              </Tag>
            </Tooltip>
          )}
        </span>
      }
      styles={{ body: { padding: 0 } }}
    >
      <Table<StageRow> rowKey="key" size="small" columns={columns} dataSource={rows} pagination={false} />
    </Card>
  );
}
