// 投资, 进度计划, 要素 and 标签 of the project form.
import { localDate } from '../../../../src/domain/calendar/local-date';
import { Button, Col, Form, Grid, Input, InputNumber, Row, Select, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FormInstance } from 'antd';
import { useProjectsI18n, type ProjectsI18n } from '../../i18n-projects';
import { formatWan, formatYi, parseWan, sumYuan, YUAN_PER_YI } from '../../../../src/domain/money/money';
import { MILESTONES, MILESTONE_LABELS, type Milestone } from '../../../../src/domain/projects/project-fields';
import { DateInput } from './DateInput';
import { Cell, Section } from './ProjectFormSections';
import { milestoneField } from './ProjectDetailSections';
import { WanInput } from './WanInput';
import { curveRule, PlanCurveInput } from './PlanCurveInput';

export const TAG_SUGGESTIONS = ['纺织', '光膜', '新材料', '智能制造', '生物医药', '文旅', '现代农业', '数字经济'];

/** 元 of a 万元 text, or null when empty or not an amount. */
function yuanOf(text: string | null | undefined): number | null {
  if (text === null || text === undefined || String(text).trim() === '') return null;
  try {
    return parseWan(String(text));
  } catch {
    return null;
  }
}

const moneyRule = (tp: ProjectsI18n['tp']) => ({
  validator: async (_: unknown, value?: string | null) => {
    if (value === null || value === undefined || String(value).trim() === '') return;
    if (yuanOf(value) === null) throw new Error(tp('form.moneyFormat'));
  },
});

/** 合 1.23 亿元 and the 亿元以上 tag, live under the total. */
function YiHint({ form }: { form: FormInstance }) {
  const { tp } = useProjectsI18n();
  const total = yuanOf(Form.useWatch<string | null>('totalInvestmentWan', form));
  if (total === null || total <= 0) return null;
  return (
    <span data-testid="project-form-yi-hint" style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
      {tp('p.yiHint', { yi: formatYi(total, 4).replace(/\.?0+$/, '') })}
      {total >= YUAN_PER_YI && (
        <Tag color="gold" style={{ marginInlineEnd: 0 }}>
          {tp('p.aboveYi')}
        </Tag>
      )}
    </span>
  );
}

export function InvestmentSection({ form }: { form: FormInstance }) {
  const { tp } = useProjectsI18n();
  const plans = Form.useWatch<{ amountWan?: string | null }[] | undefined>('annualPlans', form) ?? [];
  const planSum = sumYuan(plans.map((plan) => yuanOf(plan?.amountWan) ?? 0));
  const thisYear = new Date().getFullYear();
  return (
    <Section title={tp('p.group.investment')} testId="project-form-investment">
      <Row gutter={16}>
        <Cell>
          <Form.Item
            name="totalInvestmentWan"
            label={tp('p.totalInvestment')}
            extra={<YiHint form={form} />}
            rules={[
              { required: true, message: tp('form.required', { label: tp('p.totalInvestment') }) },
              {
                validator: async (_, value?: string | null) => {
                  if (value === null || value === undefined || String(value).trim() === '') return;
                  const yuan = yuanOf(value);
                  if (yuan === null) throw new Error(tp('form.moneyFormat'));
                  if (yuan <= 0) throw new Error(tp('form.positive'));
                },
              },
            ]}
          >
            <WanInput data-testid="project-form-total-investment" />
          </Form.Item>
        </Cell>
        <Cell>
          <Form.Item
            name="fixedAssetInvestmentWan"
            label={tp('p.fixedAssetInvestment')}
            dependencies={['totalInvestmentWan']}
            rules={[
              moneyRule(tp),
              ({ getFieldValue }) => ({
                validator: async (_, value?: string | null) => {
                  const fixed = yuanOf(value);
                  const total = yuanOf(getFieldValue('totalInvestmentWan'));
                  if (fixed !== null && total !== null && fixed > total) throw new Error(tp('form.fixedAboveTotal'));
                },
              }),
            ]}
          >
            <WanInput data-testid="project-form-fixed-asset-investment" />
          </Form.Item>
        </Cell>
      </Row>
      <Typography.Text strong>{tp('p.annualPlans')}</Typography.Text>
      <Form.List
        name="annualPlans"
        rules={[
          {
            validator: async (_, list?: { amountWan?: string | null }[]) => {
              const sum = sumYuan((list ?? []).map((plan) => yuanOf(plan?.amountWan) ?? 0));
              const total = yuanOf(form.getFieldValue('totalInvestmentWan'));
              if (total !== null && sum > total) throw new Error(tp('form.plansAboveTotal'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <div style={{ marginTop: 8 }} data-testid="project-form-annual-plans">
            {fields.map((field, index) => (
              <div key={field.key}>
                <Row gutter={8} align="top" wrap={false}>
                  <Col flex="110px">
                    <Form.Item
                      name={[field.name, 'year']}
                      rules={[
                        { required: true, message: tp('p.year') },
                        {
                          validator: async (_, year?: number) => {
                            const years = ((form.getFieldValue('annualPlans') ?? []) as { year?: number }[]).map(
                              (p) => p?.year,
                            );
                            if (year && years.filter((y) => y === year).length > 1)
                              throw new Error(tp('form.duplicateYear'));
                          },
                        },
                      ]}
                    >
                      <InputNumber
                        min={2000}
                        max={2100}
                        precision={0}
                        placeholder={tp('p.year')}
                        style={{ width: '100%' }}
                        data-testid={`project-form-plan-year-${index}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex="auto" style={{ maxWidth: 320 }}>
                    <Form.Item
                      name={[field.name, 'amountWan']}
                      rules={[{ required: true, message: tp('p.amountWan') }, moneyRule(tp)]}
                    >
                      <WanInput data-testid={`project-form-plan-amount-${index}`} />
                    </Form.Item>
                  </Col>
                  <Col flex="32px">
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label="remove"
                    />
                  </Col>
                </Row>
                <Form.Item name={[field.name, 'monthlyCurve']} rules={[curveRule(tp)]} style={{ marginTop: -12 }}>
                  <PlanCurveInput testId={`project-form-plan-curve-${index}`} />
                </Form.Item>
              </div>
            ))}
            <Form.ErrorList errors={errors} />
            <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap', marginTop: 4 }}>
              <Button
                icon={<PlusOutlined />}
                onClick={() => {
                  const used = new Set(
                    ((form.getFieldValue('annualPlans') ?? []) as { year?: number }[]).map((p) => p?.year),
                  );
                  let year = thisYear;
                  while (used.has(year)) year += 1;
                  add({ year, amountWan: null });
                }}
                data-testid="project-form-add-plan"
              >
                {tp('p.addAnnualPlan')}
              </Button>
              {fields.length > 0 && (
                <Typography.Text type="secondary">
                  {tp('p.annualPlanSum', { amount: formatWan(planSum) })}
                </Typography.Text>
              )}
            </div>
          </div>
        )}
      </Form.List>
    </Section>
  );
}

const TEST_IDS: Partial<Record<string, string>> = {
  plannedStartDate: 'project-form-planned-start',
  plannedProductionDate: 'project-form-planned-production',
  actualStartDate: 'project-form-actual-start',
};

/** The planned milestone before `m` on the start → completion → production → capacity chain. */
const ORDERED: Milestone[] = ['start', 'completion', 'production', 'capacity'];

export function ScheduleSection() {
  const { tp, label } = useProjectsI18n();
  const today = localDate(new Date());
  const isPhone = Grid.useBreakpoint().md === false;
  const plannedOf = (m: Milestone) => tp('form.plannedOf', { milestone: label(MILESTONE_LABELS, m) });
  return (
    <Section title={tp('p.group.schedule')} testId="project-form-schedule">
      <Row gutter={16} style={{ fontWeight: 500, marginBottom: 4 }}>
        <Col xs={0} md={4} />
        <Col xs={0} md={10}>
          {tp('p.planned')}
        </Col>
        <Col xs={0} md={10}>
          {tp('p.actual')}
        </Col>
      </Row>
      {MILESTONES.map((m) => {
        const before = ORDERED.slice(0, Math.max(0, ORDERED.indexOf(m)));
        const planned = milestoneField('planned', m);
        const actual = milestoneField('actual', m);
        return (
          <Row key={m} gutter={16} align="middle">
            <Col xs={24} md={4} style={{ paddingBottom: isPhone ? 4 : 24 }}>
              <Typography.Text strong>{label(MILESTONE_LABELS, m)}</Typography.Text>
            </Col>
            <Col xs={12} md={10}>
              <Form.Item
                name={planned}
                dependencies={before.map((b) => milestoneField('planned', b))}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: async (_, value?: string | null) => {
                      if (!value) return;
                      for (const b of [...before].reverse()) {
                        const earlier = getFieldValue(milestoneField('planned', b)) as string | null;
                        if (!earlier) continue;
                        if (value < earlier)
                          throw new Error(tp('form.dateOrder', { earlier: plannedOf(b), date: earlier }));
                        return;
                      }
                    },
                  }),
                ]}
              >
                <DateInput placeholder={tp('p.planned')} data-testid={TEST_IDS[planned]} />
              </Form.Item>
            </Col>
            <Col xs={12} md={10}>
              <Form.Item name={actual}>
                <DateInput placeholder={tp('p.actual')} maxDate={today} data-testid={TEST_IDS[actual]} />
              </Form.Item>
            </Col>
          </Row>
        );
      })}
    </Section>
  );
}

export function FactorsSection() {
  const { tp } = useProjectsI18n();
  return (
    <Section title={tp('p.group.factors')} testId="project-form-factors">
      <Row gutter={16}>
        <Cell>
          <Form.Item name="landAreaMu" label={tp('p.landAreaMu')}>
            <InputNumber
              min={0}
              max={100000}
              precision={2}
              style={{ width: '100%' }}
              data-testid="project-form-land-area"
            />
          </Form.Item>
        </Cell>
        <Cell wide>
          <Form.Item name="address" label={tp('p.address')}>
            <Input maxLength={200} data-testid="project-form-address" />
          </Form.Item>
        </Cell>
        <Cell>
          <Form.Item name="longitude" label={tp('p.longitude')}>
            <InputNumber
              min={73}
              max={136}
              precision={6}
              style={{ width: '100%' }}
              data-testid="project-form-longitude"
            />
          </Form.Item>
        </Cell>
        <Cell>
          <Form.Item name="latitude" label={tp('p.latitude')}>
            <InputNumber min={3} max={54} precision={6} style={{ width: '100%' }} data-testid="project-form-latitude" />
          </Form.Item>
        </Cell>
      </Row>
    </Section>
  );
}

export function TagsSection() {
  const { tp } = useProjectsI18n();
  return (
    <Section title={tp('p.group.tags')} testId="project-form-tags-section">
      <Form.Item name="tags" style={{ marginBottom: 0 }}>
        <Select
          mode="tags"
          placeholder={tp('p.tagsPlaceholder')}
          options={TAG_SUGGESTIONS.map((tag) => ({ value: tag, label: tag }))}
          tokenSeparators={[',', '，', ' ']}
          maxCount={20}
          data-testid="project-form-tags"
        />
      </Form.Item>
    </Section>
  );
}
