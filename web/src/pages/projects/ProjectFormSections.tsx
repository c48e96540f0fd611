// 基本信息 and 参建单位 of the project form.
import type { ReactNode } from 'react';
import { Card, Col, Form, Input, Row, Select } from 'antd';
import type { Id, Unit } from '../../api';
import type { Industries } from '../../api-projects';
import { useProjectsI18n, type LabelTable } from '../../i18n-projects';
import type { UnitNode } from '../../units';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { MAIN_LINE, STAGE_LABELS } from '../../../../src/domain/projects/lifecycle';
import { normaliseProjectCode } from '../../../../src/domain/projects/project-code';
import {
  APPROVAL_MODES,
  APPROVAL_MODE_LABELS,
  INVESTMENT_TYPES,
  INVESTMENT_TYPE_LABELS,
  LEVELS,
  LEVEL_LABELS,
  NATURES,
  NATURE_LABELS,
  PROJECT_KINDS,
  PROJECT_KIND_LABELS,
} from '../../../../src/domain/projects/project-fields';
import { industryOptions } from './ProjectFilters';

/** A titled card of the form. */
export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card title={title} size="small" style={{ marginBottom: 16 }} data-testid={testId}>
      {children}
    </Card>
  );
}

/** One cell of the section grid: full width on phones, two or three per row above. */
export const Cell = ({ children, wide = false }: { children: ReactNode; wide?: boolean }) => (
  <Col xs={24} md={wide ? 24 : 12} xl={wide ? 16 : 8}>
    {children}
  </Col>
);

export function useOptions() {
  const { label } = useProjectsI18n();
  return (values: readonly string[], table: LabelTable) =>
    values.map((value) => ({ value, label: label(table, value) }));
}

export function BasicSection({ creating, industries }: { creating: boolean; industries: Industries | null }) {
  const { tp, label } = useProjectsI18n();
  const options = useOptions();
  const required = (name: string) => ({ required: true, message: tp('form.choose', { label: name }) });
  return (
    <Section title={tp('p.group.basic')} testId="project-form-basic">
      <Row gutter={16}>
        <Cell wide>
          <Form.Item
            name="name"
            label={tp('p.name')}
            rules={[
              { required: true, whitespace: true, message: tp('form.required', { label: tp('p.name') }) },
              { min: 2, max: 120, message: tp('form.nameLength') },
            ]}
          >
            <Input maxLength={120} data-testid="project-form-name" />
          </Form.Item>
        </Cell>
        <Cell>
          <Form.Item
            name="code"
            label={tp('p.code')}
            tooltip={tp('form.codeHint')}
            rules={[
              {
                validator: async (_, value?: string) => {
                  if (!value?.trim()) return;
                  const checked = normaliseProjectCode(value);
                  if ('error' in checked)
                    throw new Error(tp(checked.error === 'month' ? 'form.codeMonth' : 'form.codeFormat'));
                },
              },
            ]}
          >
            <Input placeholder="2601-330781-04-01-000001" maxLength={40} data-testid="project-form-code" />
          </Form.Item>
        </Cell>
        <Cell>
          <Form.Item name="internalNo" label={tp('p.internalNo')}>
            <Input maxLength={40} data-testid="project-form-internal-no" />
          </Form.Item>
        </Cell>
        <Cell>
          <Form.Item name="nature" label={tp('p.nature')} rules={[required(tp('p.nature'))]}>
            <Select options={options(NATURES, NATURE_LABELS)} data-testid="project-form-nature" />
          </Form.Item>
        </Cell>
        <Cell>
          <Form.Item name="kind" label={tp('p.kind')} rules={[required(tp('p.kind'))]}>
            <Select options={options(PROJECT_KINDS, PROJECT_KIND_LABELS)} data-testid="project-form-kind" />
          </Form.Item>
        </Cell>
        <Cell>
          <Form.Item name="industryCode" label={tp('p.industry')} rules={[required(tp('p.industry'))]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={industryOptions(industries, false, (name) => name)}
              loading={!industries}
              data-testid="project-form-industry"
            />
          </Form.Item>
        </Cell>
        <Cell>
          <Form.Item name="level" label={tp('p.level')}>
            <Select
              allowClear
              placeholder={tp('p.noLevel')}
              options={options(LEVELS, LEVEL_LABELS)}
              data-testid="project-form-level"
            />
          </Form.Item>
        </Cell>
        <Cell>
          <Form.Item name="investmentType" label={tp('p.investmentType')} rules={[required(tp('p.investmentType'))]}>
            <Select
              options={options(INVESTMENT_TYPES, INVESTMENT_TYPE_LABELS)}
              data-testid="project-form-investment-type"
            />
          </Form.Item>
        </Cell>
        <Cell>
          <Form.Item name="approvalMode" label={tp('p.approvalMode')} rules={[required(tp('p.approvalMode'))]}>
            <Select options={options(APPROVAL_MODES, APPROVAL_MODE_LABELS)} data-testid="project-form-approval-mode" />
          </Form.Item>
        </Cell>
        {creating && (
          <Cell>
            <Form.Item name="stage" label={tp('p.initialStage')}>
              <Select
                options={MAIN_LINE.map((stage) => ({ value: stage, label: label(STAGE_LABELS, stage) }))}
                data-testid="project-form-stage"
              />
            </Form.Item>
          </Cell>
        )}
      </Row>
    </Section>
  );
}

interface PartiesProps {
  roots: UnitNode[];
  /** Units a lead unit cannot be (outside a unit editor's reach). */
  leadDisabled?: Set<Id>;
  units: Unit[];
}

export function PartiesSection({ roots, leadDisabled, units }: PartiesProps) {
  const { tp } = useProjectsI18n();
  const notTownships = new Set<Id>(units.filter((u) => u.kind !== 'township' && u.kind !== 'street').map((u) => u.id));
  return (
    <Section title={tp('p.group.parties')} testId="project-form-parties">
      <Row gutter={16}>
        <Cell>
          <Form.Item
            name="leadUnitId"
            label={tp('p.leadUnit')}
            rules={[{ required: true, message: tp('form.choose', { label: tp('p.leadUnit') }) }]}
          >
            <UnitTreeSelect roots={roots} disabledIds={leadDisabled} data-testid="project-form-lead-unit" />
          </Form.Item>
        </Cell>
        <Cell>
          <Form.Item name="townshipUnitId" label={tp('p.township')}>
            <UnitTreeSelect roots={roots} disabledIds={notTownships} allowClear data-testid="project-form-township" />
          </Form.Item>
        </Cell>
        <Cell>
          <Form.Item name="patronLeader" label={tp('p.patronLeader')}>
            <Input maxLength={60} data-testid="project-form-patron-leader" />
          </Form.Item>
        </Cell>
        <Cell>
          <Form.Item name="ownerName" label={tp('p.ownerName')}>
            <Input maxLength={120} data-testid="project-form-owner-name" />
          </Form.Item>
        </Cell>
        <Cell>
          <Form.Item
            name="ownerCreditCode"
            label={tp('p.ownerCreditCode')}
            rules={[
              {
                pattern: /^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{2}\d{6}[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{10}$/,
                message: tp('form.creditCode'),
              },
            ]}
          >
            <Input maxLength={18} data-testid="project-form-owner-credit-code" />
          </Form.Item>
        </Cell>
        <Cell>
          <Form.Item name="contact" label={tp('p.contact')}>
            <Input maxLength={120} data-testid="project-form-contact" />
          </Form.Item>
        </Cell>
      </Row>
    </Section>
  );
}
