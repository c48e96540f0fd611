// 转入项目库: a signed deal becomes a project of the library once — a new one, with what a project needs beyond the
// deal (the GB/T 4754 industry, the approval mode, nature, kind, planned start), or one already in the library.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Col, Form, Modal, Radio, Row, Select } from 'antd';
import { ApiError } from '../../api';
import { projectsApi } from '../../api-projects';
import { dealsApi, type DealDetail } from '../../api-deals';
import { placeApiError } from '../../forms';
import { useI18n } from '../../i18n';
import { useDealsI18n } from '../../i18n-deals';
import { useProjectsI18n } from '../../i18n-projects';
import { DateInput } from '../projects/DateInput';
import { industryOptions } from '../projects/ProjectFilters';
import { useIndustries } from '../projects/shared';
import {
  APPROVAL_MODE_LABELS,
  APPROVAL_MODES,
  NATURE_LABELS,
  NATURES,
  PROJECT_KIND_LABELS,
  PROJECT_KINDS,
  type ApprovalMode,
  type Nature,
  type ProjectKind,
} from '../../../../src/domain/projects/project-fields';

interface ConvertValues {
  mode: 'new' | 'link';
  industryCode?: string;
  approvalMode?: ApprovalMode;
  nature?: Nature;
  kind?: ProjectKind;
  plannedStartDate?: string | null;
  projectId?: number;
}

export function ConvertModal({
  deal,
  onClose,
  onConverted,
}: {
  deal: DealDetail;
  onClose: () => void;
  onConverted: (next: DealDetail) => void;
}) {
  const { td } = useDealsI18n();
  const { t } = useI18n();
  const { label } = useProjectsI18n();
  const industries = useIndustries();
  const [form] = Form.useForm<ConvertValues>();
  const mode = Form.useWatch('mode', form) ?? 'new';
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  // Linking: the projects of the library whose name holds what the person types.
  const found = useQuery({
    queryKey: ['projects', 'pick', q],
    queryFn: () => projectsApi.list({ q, limit: 20 }),
    enabled: mode === 'link' && q.trim().length > 0,
  });

  const submit = async () => {
    let v: ConvertValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setRefusal(null);
    try {
      const next = await dealsApi.convert(
        deal.id,
        v.mode === 'link'
          ? { version: deal.version, projectId: Number(v.projectId) }
          : {
              version: deal.version,
              industryCode: v.industryCode,
              approvalMode: v.approvalMode,
              nature: v.nature,
              kind: v.kind,
              plannedStartDate: v.plannedStartDate || null,
            },
      );
      onConverted(next);
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.status === 409) setRefusal(e.message);
      else setRefusal(placeApiError(form, e));
    }
  };

  const options = <T extends string>(values: readonly T[], table: Record<T, { 'zh-CN': string; en: string }>) =>
    values.map((value) => ({ value, label: label(table, value) }));
  return (
    <Modal
      open
      width={640}
      title={td('convert.title', { name: deal.name })}
      okText={td('convert.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'deal-convert-ok' }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="deal-convert-modal"
    >
      <Alert type="info" showIcon title={td('convert.explain')} style={{ marginBottom: 12 }} />
      {refusal && (
        <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="deal-convert-refusal" />
      )}
      <Form<ConvertValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ mode: 'new', approvalMode: 'filing', nature: 'new', kind: 'industry' }}
        data-testid="deal-convert-form"
      >
        <Form.Item name="mode">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'new', label: td('convert.modeNew') },
              { value: 'link', label: td('convert.modeLink') },
            ]}
            data-testid="deal-convert-mode"
          />
        </Form.Item>
        {mode === 'new' ? (
          <Row gutter={16}>
            <Col xs={24}>
              <Form.Item
                name="industryCode"
                label={td('convert.industry')}
                rules={[{ required: true, message: td('convert.industryRequired') }]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={industryOptions(industries, false, (name) => name)}
                  loading={!industries}
                  placeholder={td('convert.industryPlaceholder')}
                  data-testid="deal-convert-industry"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="approvalMode" label={td('convert.approvalMode')} rules={[{ required: true }]}>
                <Select options={options(APPROVAL_MODES, APPROVAL_MODE_LABELS)} data-testid="deal-convert-approval" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="plannedStartDate" label={td('convert.plannedStart')}>
                <DateInput data-testid="deal-convert-planned-start" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="nature" label={td('convert.nature')}>
                <Select options={options(NATURES, NATURE_LABELS)} data-testid="deal-convert-nature" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="kind" label={td('convert.kind')}>
                <Select options={options(PROJECT_KINDS, PROJECT_KIND_LABELS)} data-testid="deal-convert-kind" />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Form.Item
            name="projectId"
            label={td('convert.project')}
            rules={[{ required: true, message: td('convert.projectRequired') }]}
          >
            <Select
              showSearch={{ filterOption: false, onSearch: setQ }}
              loading={found.isFetching}
              placeholder={td('convert.projectPlaceholder')}
              notFoundContent={q ? td('convert.noProject') : null}
              options={(found.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.leadUnitName}）` }))}
              data-testid="deal-convert-project"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
