import { useEffect, useState } from 'react';
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
  Skeleton,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { ApiError } from '../../api';
import { lightsApi, type RulePreview, type RuleSet, type RuleSetInput } from '../../api-lights';
import { invalidateLights, lightRulesQuery } from '../../features/lights/queries';
import { errorMessage } from '../../forms';
import { queryClient } from '../../queries/client';
import { formatTime } from '../../format';
import { useLightsI18n, type LightsMessageKey } from '../../i18n-lights';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { PageHeader } from '../../components/PageHeader';
import { DIMENSION_KEYS, type DimensionKey } from '../../../../src/domain/lights/types';
import { RulePreviewModal } from './RulePreviewModal';

type Unit = 'months' | 'days' | 'percent' | 'points' | 'workingDays';

interface FieldSpec {
  name: string;
  kind: 'number' | 'boolean';
  unit?: Unit;
  integer?: boolean;
  min?: number;
  max?: number;
}

/** The editable fields of each dimension, mirroring the schema of src/domain/lights/rules.ts. */
const FIELDS: Record<DimensionKey, FieldSpec[]> = {
  start: [
    { name: 'yellowFromMonths', kind: 'number', unit: 'months', integer: true, min: 0 },
    { name: 'redFromMonths', kind: 'number', unit: 'months', integer: true, min: 0 },
  ],
  signToStart: [
    { name: 'defaultPromiseDays', kind: 'number', unit: 'days', integer: true, min: 1 },
    { name: 'yellowFromPercent', kind: 'number', unit: 'percent', min: 0, max: 100 },
  ],
  progress: [
    { name: 'yellowFromPoints', kind: 'number', unit: 'points', min: 0, max: 100 },
    { name: 'redAbovePoints', kind: 'number', unit: 'points', min: 0, max: 100 },
  ],
  report: [
    { name: 'lateIsYellow', kind: 'boolean' },
    { name: 'yellowFromMissingMonths', kind: 'number', unit: 'months', integer: true, min: 1, max: 12 },
    { name: 'redFromMissingMonths', kind: 'number', unit: 'months', integer: true, min: 1, max: 12 },
  ],
  approvals: [
    { name: 'yellowFromDays', kind: 'number', unit: 'days', integer: true, min: 0 },
    { name: 'redAboveDays', kind: 'number', unit: 'days', integer: true, min: 0 },
  ],
  tickets: [
    { name: 'redAboveWorkingDays', kind: 'number', unit: 'workingDays', integer: true, min: 0 },
    { name: 'escalatedIsRed', kind: 'boolean' },
  ],
};

type FormValues = Omit<RuleSet, 'version'>;

const formValuesOf = (rules: RuleSet): FormValues => {
  const { version: _version, ...rest } = rules;
  return rest;
};

/** 亮灯规则: the current rule-set version, one card per dimension; coordinators save a new version. */
export function LightRulesPage() {
  const { tl } = useLightsI18n();
  const { can } = useSession();
  const { message } = AntApp.useApp();
  const canManage = can('lights.manage');
  const [form] = Form.useForm<FormValues>();
  const rules = useQuery(lightRulesQuery);
  const current = rules.data ?? null;
  const loadError = rules.error ? errorMessage(rules.error) : null;
  const load = rules.refetch;
  const [saveError, setSaveError] = useState<{ message: string; field?: string } | null>(null);
  const [saving, setSaving] = useState(false);
  /** The proposal awaiting confirmation, with what it would do (POST /light-rules/preview). */
  const [pending, setPending] = useState<{ body: RuleSetInput; preview: RulePreview } | null>(null);

  useEffect(() => {
    if (current) form.setFieldsValue(formValuesOf(current.rules));
  }, [current, form]);

  const clearServerError = () => {
    if (!saveError) return;
    if (saveError.field) form.setFields([{ name: saveError.field.split('.') as never, errors: [] }]);
    setSaveError(null);
  };

  /** A refused rule set: the message on its field when it names one, and above the form. */
  const showError = (e: unknown) => {
    const field = e instanceof ApiError ? e.field : undefined;
    const path = field?.split('.');
    if (field && path && path.length === 2 && (DIMENSION_KEYS as readonly string[]).includes(path[0]!)) {
      form.setFields([{ name: path as never, errors: [errorMessage(e)] }]);
      form.scrollToField(path as never, { block: 'center' });
    }
    setSaveError({ message: errorMessage(e), field });
  };

  // Saving recolours every project at once, so it first shows what would change and asks to confirm.
  const save = async () => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setSaveError(null);
    try {
      const body: RuleSetInput = {};
      for (const key of DIMENSION_KEYS)
        (body as Record<string, unknown>)[key] = { ...current?.rules[key], ...values[key] };
      setPending({ body, preview: await lightsApi.previewRules(body) });
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  };

  const confirm = async () => {
    if (!pending) return;
    setSaving(true);
    try {
      const saved = await lightsApi.updateRules(pending.body);
      queryClient.setQueryData(lightRulesQuery.queryKey, saved);
      setPending(null);
      void invalidateLights();
      message.success(tl('rules.saved', { version: saved.version }));
    } catch (e) {
      setPending(null);
      showError(e);
    } finally {
      setSaving(false);
    }
  };

  if (!current) {
    return (
      <>
        <PageHeader title={tl('rules.title')} />
        {loadError ? (
          <Alert type="error" showIcon title={loadError} action={<Button onClick={() => void load()}>↻</Button>} />
        ) : (
          <Skeleton active paragraph={{ rows: 10 }} />
        )}
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={tl('rules.title')}
        extra={
          canManage && (
            <>
              <Button
                icon={<UndoOutlined />}
                onClick={() => (form.setFieldsValue(formValuesOf(current.rules)), clearServerError())}
              >
                {tl('rules.reset')}
              </Button>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={saving}
                onClick={() => void save()}
                data-testid="rules-save"
              >
                {tl('rules.save')}
              </Button>
            </>
          )
        }
      />
      <div
        style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, marginBottom: 16 }}
        data-testid="rules-version"
        data-version={current.version}
      >
        <Tag color="blue" style={{ fontSize: 14, padding: '2px 10px', marginInlineEnd: 0 }}>
          {current.version === 0 ? tl('rules.versionDefault') : tl('rules.version', { version: current.version })}
        </Tag>
        {current.createdBy && current.createdAt && (
          <Typography.Text type="secondary">
            {tl('rules.versionBy', { by: current.createdBy, at: formatTime(current.createdAt) })}
          </Typography.Text>
        )}
      </div>
      {!canManage && <Alert type="info" showIcon title={tl('rules.readOnly')} style={{ marginBottom: 16 }} />}
      {saveError && (
        <Alert type="error" showIcon title={saveError.message} style={{ marginBottom: 16 }} data-testid="rules-error" />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onValuesChange={clearServerError}
        data-testid="rules-form"
        requiredMark={false}
      >
        <Row gutter={[16, 16]}>
          {DIMENSION_KEYS.map((key) => (
            <Col key={key} xs={24} lg={12} xxl={8}>
              <RuleCard dimension={key} readOnly={!canManage} />
            </Col>
          ))}
        </Row>
      </Form>
      {pending && (
        <RulePreviewModal
          preview={pending.preview}
          saving={saving}
          onConfirm={() => void confirm()}
          onCancel={() => setPending(null)}
        />
      )}
    </>
  );
}

/** One dimension: its switch, thresholds with units, and the rule in a sentence with the current numbers. */
function RuleCard({ dimension, readOnly }: { dimension: DimensionKey; readOnly: boolean }) {
  const { tl, dimension: dimensionName } = useLightsI18n();
  const { t } = useI18n();
  const form = Form.useFormInstance<FormValues>();
  const values = Form.useWatch(dimension, form) as unknown as Record<string, number | boolean> | undefined;
  const enabled = values?.enabled !== false;
  const sentence = tl(
    `explain.${dimension}` as LightsMessageKey,
    Object.fromEntries(
      Object.entries(values ?? {}).map(([k, v]) => [k, v === null || v === undefined ? '—' : String(v)]),
    ),
  );

  return (
    <Card
      size="small"
      style={{ height: '100%', opacity: enabled ? 1 : 0.75 }}
      title={dimensionName(dimension)}
      data-testid={`rule-card-${dimension}`}
      extra={
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {tl('rules.enabled')}
          </Typography.Text>
          <Form.Item name={[dimension, 'enabled']} valuePropName="checked" noStyle>
            <Switch size="small" disabled={readOnly} data-testid={`rule-${dimension}-enabled`} />
          </Form.Item>
        </span>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 12 }}>
        {sentence}
      </Typography.Paragraph>
      <Row gutter={12}>
        {FIELDS[dimension].map((spec) => {
          const labelText = tl(`field.${dimension}.${spec.name}` as LightsMessageKey);
          const colour =
            spec.name.startsWith('red') || spec.name.endsWith('IsRed')
              ? 'red'
              : spec.name.startsWith('yellow') || spec.name.endsWith('IsYellow')
                ? 'gold'
                : undefined;
          if (spec.kind === 'boolean') {
            return (
              <Col key={spec.name} xs={24} sm={12}>
                <Form.Item label={labelText} name={[dimension, spec.name]} valuePropName="checked">
                  <Switch disabled={readOnly} data-testid={`rule-${dimension}-${spec.name}`} />
                </Form.Item>
              </Col>
            );
          }
          return (
            <Col key={spec.name} xs={24} sm={12}>
              <Form.Item
                label={
                  colour ? (
                    <span>
                      <Tag color={colour} style={{ marginInlineEnd: 4 }}>
                        {tl(colour === 'red' ? 'rules.red' : 'rules.yellow')}
                      </Tag>
                      {labelText.replace(/^(红灯|黄灯|Red|Yellow)[：:]\s*/, '')}
                    </span>
                  ) : (
                    labelText
                  )
                }
                name={[dimension, spec.name]}
                rules={[{ required: true, message: t('common.required', { label: labelText }) }]}
              >
                <InputNumber
                  disabled={readOnly}
                  min={spec.min}
                  max={spec.max}
                  precision={spec.integer ? 0 : undefined}
                  step={spec.integer ? 1 : 0.5}
                  suffix={tl(`unit.${spec.unit!}` as LightsMessageKey)}
                  style={{ width: '100%' }}
                  data-testid={`rule-${dimension}-${spec.name}`}
                />
              </Form.Item>
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}
