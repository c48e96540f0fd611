import { localDate } from '../../../../src/domain/calendar/local-date';
import { App, Form, Input, Modal, Select } from 'antd';
import { projectsApi, type ProjectDetail, type TransitionInput } from '../../api-projects';
import { useFormRequest } from '../../forms';
import { useProjectsI18n, type ProjectMessageKey } from '../../i18n-projects';
import { STAGE_LABELS, TRANSITIONS, type Requirement, type Stage } from '../../../../src/domain/projects/lifecycle';
import { DateInput } from './DateInput';
import { StageTag } from './shared';

const DATE_FIELDS = ['actualStartDate', 'actualCompletionDate', 'actualProductionDate', 'actualCapacityDate'] as const;
type DateField = (typeof DATE_FIELDS)[number];

const TEST_IDS: Record<DateField, string> = {
  actualStartDate: 'transition-actual-start',
  actualCompletionDate: 'transition-actual-completion',
  actualProductionDate: 'transition-actual-production',
  actualCapacityDate: 'transition-actual-capacity',
};

/** What the move from → to needs, read from the lifecycle rules themselves. */
function requirementsOf(from: Stage, to: Stage | undefined): Requirement[] {
  if (!to) return [];
  return TRANSITIONS.find((rule) => rule.from === from && rule.to === to)?.requires ?? [];
}

interface Values {
  to?: Stage;
  reason?: string;
  actualStartDate?: string | null;
  actualCompletionDate?: string | null;
  actualProductionDate?: string | null;
  actualCapacityDate?: string | null;
}

/** 阶段变更: choose the next stage and give what the move needs (dates, a reason). Mounted while open. */
export function StageTransitionModal({
  project,
  onClose,
  onDone,
}: {
  project: ProjectDetail;
  onClose: () => void;
  onDone: (project: ProjectDetail) => void;
}) {
  const { tp, label } = useProjectsI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, run } = useFormRequest(form);
  const to = Form.useWatch('to', form);
  const needs = requirementsOf(project.stage, to);
  const today = localDate(new Date());

  const submit = async (values: Values) => {
    if (!values.to) return;
    const body: TransitionInput = { to: values.to };
    if (needs.includes('reason') && values.reason?.trim()) body.reason = values.reason.trim();
    for (const field of DATE_FIELDS) {
      const value = values[field];
      if (needs.includes(field) && value) body[field] = value;
    }
    await run(async () => {
      const saved = await projectsApi.transition(project.id, body);
      message.success(tp('transition.done', { stage: label(STAGE_LABELS, saved.stage) }));
      onDone(saved);
    });
  };

  return (
    <Modal
      open
      title={tp('transition.title')}
      okText={tp('transition.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'transition-submit' } as Record<string, string>}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        data-testid="transition-form"
        style={{ marginTop: 16 }}
        initialValues={{
          actualStartDate: project.actualStartDate,
          actualCompletionDate: project.actualCompletionDate,
          actualProductionDate: project.actualProductionDate,
          actualCapacityDate: project.actualCapacityDate,
        }}
      >
        <Form.Item label={tp('transition.from')}>
          <StageTag stage={project.stage} />
        </Form.Item>
        <Form.Item
          name="to"
          label={tp('transition.to')}
          rules={[{ required: true, message: tp('form.choose', { label: tp('transition.to') }) }]}
        >
          <Select
            placeholder={tp('transition.to')}
            options={project.allowedNextStages.map((stage) => ({ value: stage, label: label(STAGE_LABELS, stage) }))}
            data-testid="transition-to"
          />
        </Form.Item>
        {DATE_FIELDS.filter((field) => needs.includes(field)).map((field) => (
          <Form.Item
            key={field}
            name={field}
            label={tp(`transition.${field}` as ProjectMessageKey)}
            rules={[
              { required: true, message: tp('form.choose', { label: tp(`transition.${field}` as ProjectMessageKey) }) },
            ]}
          >
            <DateInput maxDate={today} data-testid={TEST_IDS[field]} />
          </Form.Item>
        ))}
        {needs.includes('reason') && (
          <Form.Item
            name="reason"
            label={tp('transition.reason')}
            rules={[{ required: true, whitespace: true, message: tp('transition.reasonPlaceholder') }]}
          >
            <Input.TextArea
              rows={3}
              maxLength={500}
              showCount
              placeholder={tp('transition.reasonPlaceholder')}
              data-testid="transition-reason"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
