import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { DeleteOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { IndicatorInfo, MethodKey } from '../../api-race';
import { useI18n } from '../../i18n';
import { useRaceI18n } from '../../i18n-race';
import { indicatorByKey, isIndicatorKey } from '../../../../src/domain/race/indicators';
import { METHOD_KEYS, MIN_RATIO_CAP, SCORING_METHODS } from '../../../../src/domain/race/methods/index';
import { defaultParams, parsePoints, weightSum, type IndicatorRow, type RaceFormValues } from './raceForm';

/** The methods that make sense for an indicator, as the domain says (deduction for events to avoid…). */
function methodsFor(key: string | undefined): MethodKey[] {
  if (!isIndicatorKey(key)) return [...METHOD_KEYS];
  const indicator = indicatorByKey(key);
  return METHOD_KEYS.filter((m) => SCORING_METHODS[m].suits(indicator));
}

/** The weights' sum as it is typed: green at 100, orange otherwise (allowed, but publishing is refused). */
export function WeightSum() {
  const { tk } = useRaceI18n();
  const form = Form.useFormInstance<RaceFormValues>();
  const rows = Form.useWatch('indicators', form) as IndicatorRow[] | undefined;
  const sum = weightSum(rows);
  const off = sum !== 100;
  return (
    <span
      style={{
        fontSize: 15,
        fontWeight: 600,
        color: off ? '#d46b08' : '#389e0d',
        padding: '4px 12px',
        borderRadius: 6,
        background: off ? '#fff7e6' : '#f6ffed',
        border: `1px solid ${off ? '#ffd591' : '#b7eb8f'}`,
        whiteSpace: 'nowrap',
      }}
      data-testid="race-weight-sum"
      data-sum={sum}
      data-off={off ? 'true' : 'false'}
    >
      {tk('editor.weightSum', { sum })}
    </span>
  );
}

/** The race's indicators: one card each with indicator, weight, method and its params; a warning while the weights miss 100. */
export function IndicatorRows({ indicators }: { indicators: IndicatorInfo[] }) {
  const { tk } = useRaceI18n();
  const form = Form.useFormInstance<RaceFormValues>();
  const rows = Form.useWatch('indicators', form) as IndicatorRow[] | undefined;
  const off = weightSum(rows) !== 100;

  return (
    <Form.List name="indicators">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, position) => (
            <IndicatorCard
              key={field.key}
              name={field.name}
              position={position}
              indicators={indicators}
              chosen={rows}
              onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
            />
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ weight: null })} data-testid="race-add-indicator">
            {tk('editor.addIndicator')}
          </Button>
          {off && (
            <Alert
              type="warning"
              showIcon
              title={tk('editor.weightWarn')}
              style={{ marginTop: 12 }}
              data-testid="race-weight-warning"
            />
          )}
        </>
      )}
    </Form.List>
  );
}

function IndicatorCard({
  name,
  position,
  indicators,
  chosen,
  onRemove,
}: {
  name: number;
  position: number;
  indicators: IndicatorInfo[];
  chosen: IndicatorRow[] | undefined;
  onRemove?: () => void;
}) {
  const { tk, text, method: methodLabel } = useRaceI18n();
  const { t } = useI18n();
  const form = Form.useFormInstance<RaceFormValues>();
  const row = chosen?.[name];
  const method = row?.method;
  const taken = new Set((chosen ?? []).filter((_, i) => i !== name).map((r) => r?.key));
  const allowed = methodsFor(row?.key);
  const required = (label: string) => [{ required: true, message: t('common.required', { label }) }];

  const chooseMethod = (next: MethodKey) => {
    const current = form.getFieldValue(['indicators', name]) as IndicatorRow;
    form.setFieldValue(['indicators', name], {
      key: current.key,
      weight: next === 'deduction' ? 0 : current.method === 'deduction' ? null : current.weight,
      method: next,
      ...defaultParams(next),
    });
  };
  const chooseIndicator = (key: string) => {
    // A method that does not suit the new indicator is cleared, so the row cannot be saved half-wrong.
    if (method && !methodsFor(key).includes(method)) form.setFieldValue(['indicators', name, 'method'], undefined);
  };

  return (
    <Card
      size="small"
      style={{ marginBottom: 12, background: '#fafbfd' }}
      title={<Typography.Text type="secondary">{`${tk('editor.indicator')} ${position + 1}`}</Typography.Text>}
      extra={
        onRemove && (
          <Button
            type="text"
            danger
            size="small"
            icon={<DeleteOutlined />}
            onClick={onRemove}
            data-testid={`race-indicator-${position}-remove`}
          >
            {tk('editor.remove')}
          </Button>
        )
      }
      data-testid={`race-indicator-${position}`}
    >
      <Row gutter={12}>
        <Col xs={24} md={9}>
          <Form.Item
            name={[name, 'key']}
            label={tk('editor.indicator')}
            rules={[{ required: true, message: tk('editor.indicatorRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              onChange={chooseIndicator}
              options={indicators.map((i) => ({
                value: i.key,
                label: i.available ? text(i.label) : `${text(i.label)}（${tk('editor.unavailable')}）`,
                disabled: !i.available || taken.has(i.key),
              }))}
              data-testid={`race-indicator-${position}-key`}
            />
          </Form.Item>
        </Col>
        <Col xs={10} md={5}>
          <Form.Item
            name={[name, 'weight']}
            label={tk('editor.weight')}
            rules={method === 'deduction' ? [] : required(tk('editor.weight'))}
            extra={method === 'deduction' ? tk('editor.deductionWeight') : undefined}
          >
            <InputNumber
              min={0}
              max={100}
              step={5}
              disabled={method === 'deduction'}
              style={{ width: '100%' }}
              data-testid={`race-indicator-${position}-weight`}
            />
          </Form.Item>
        </Col>
        <Col xs={14} md={10}>
          <Form.Item
            name={[name, 'method']}
            label={tk('editor.method')}
            rules={[{ required: true, message: tk('editor.methodRequired') }]}
          >
            <Select<MethodKey>
              onChange={chooseMethod}
              options={METHOD_KEYS.map((m) => ({ value: m, label: methodLabel(m), disabled: !allowed.includes(m) }))}
              data-testid={`race-indicator-${position}-method`}
            />
          </Form.Item>
        </Col>
      </Row>
      {method && (
        <>
          <MethodParams name={name} position={position} method={method} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {tk(`methodHint.${method}`)}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}

/** The inputs of one method's params. */
function MethodParams({ name, position, method }: { name: number; position: number; method: MethodKey }) {
  const { tk } = useRaceI18n();
  const { t } = useI18n();
  const required = (label: string) => [{ required: true, message: t('common.required', { label }) }];
  const id = (param: string) => `race-indicator-${position}-${param}`;

  if (method === 'ratioToTarget') {
    return (
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'cap']} label={tk('editor.cap')} rules={required(tk('editor.cap'))}>
            <InputNumber min={MIN_RATIO_CAP} max={10} step={0.1} style={{ width: '100%' }} data-testid={id('cap')} />
          </Form.Item>
        </Col>
      </Row>
    );
  }
  if (method === 'rankPoints') {
    return (
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name={[name, 'pointsText']}
            label={tk('editor.points')}
            rules={[
              ...required(tk('editor.points')),
              {
                validator: (_, v: string) =>
                  !v || parsePoints(v) ? Promise.resolve() : Promise.reject(new Error(tk('editor.pointsFormat'))),
              },
            ]}
          >
            <Input placeholder={tk('editor.pointsPlaceholder')} data-testid={id('points')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[name, 'rest']} label={tk('editor.rest')}>
            <Select
              options={[
                { value: 'zero', label: tk('editor.restZero') },
                { value: 'last', label: tk('editor.restLast') },
              ]}
              data-testid={id('rest')}
            />
          </Form.Item>
        </Col>
      </Row>
    );
  }
  if (method === 'deduction') {
    return (
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'perEvent']} label={tk('editor.perEvent')} rules={required(tk('editor.perEvent'))}>
            <InputNumber min={0} step={0.1} style={{ width: '100%' }} data-testid={id('perEvent')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'cap']} label={tk('editor.deductionCap')} rules={required(tk('editor.deductionCap'))}>
            <InputNumber min={0} step={1} style={{ width: '100%' }} data-testid={id('cap')} />
          </Form.Item>
        </Col>
      </Row>
    );
  }
  if (method === 'tieredCount') {
    return (
      <>
        <Typography.Text style={{ display: 'block', marginBottom: 8 }}>{tk('editor.tiers')}</Typography.Text>
        <Form.List name={[name, 'tiers']}>
          {(tiers, { add, remove }) => (
            <>
              {tiers.map((tier, i) => (
                <Row key={tier.key} gutter={8} align="top" wrap={false}>
                  <Col flex="1 1 0">
                    <Form.Item
                      name={[tier.name, 'minYi']}
                      label={i === 0 ? tk('editor.tierMin') : undefined}
                      rules={required(tk('editor.tierMin'))}
                    >
                      <Input inputMode="decimal" data-testid={id(`tier-${i}-min`)} />
                    </Form.Item>
                  </Col>
                  <Col flex="1 1 0">
                    <Form.Item
                      name={[tier.name, 'points']}
                      label={i === 0 ? tk('editor.tierPoints') : undefined}
                      rules={required(tk('editor.tierPoints'))}
                    >
                      <InputNumber min={0} style={{ width: '100%' }} data-testid={id(`tier-${i}-points`)} />
                    </Form.Item>
                  </Col>
                  <Col flex="none" style={{ paddingTop: i === 0 ? 30 : 0 }}>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      disabled={tiers.length <= 1}
                      onClick={() => remove(tier.name)}
                      aria-label={tk('editor.remove')}
                    />
                  </Col>
                </Row>
              ))}
              <Button
                size="small"
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ minYi: '', points: null })}
                style={{ marginBottom: 12 }}
              >
                {tk('editor.addTier')}
              </Button>
            </>
          )}
        </Form.List>
      </>
    );
  }
  return null;
}
