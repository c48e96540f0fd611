import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { reportsApi, type Report } from '../../api-reports';
import { useFormRequest } from '../../forms';
import { useReportsI18n } from '../../i18n-reports';
import { formatWan } from '../../../../src/domain/money/money';
import { WanInput } from '../projects/WanInput';
import { REPORT_TEXT_FIELDS } from '../../../../src/domain/reports/report-fields';

interface Values {
  amountWan?: string | null;
  reason?: string;
}

/** 更正: a new revision of an approved report, with the new amount and the reason. Mounted while open. */
export function CorrectionModal({
  report,
  onClose,
  onDone,
}: {
  report: Report;
  onClose: () => void;
  onDone: (report: Report) => void;
}) {
  const { tr, period } = useReportsI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, run } = useFormRequest(form);

  const submit = async (values: Values) => {
    await run(async () => {
      const created = await reportsApi.correct(report.id, {
        amountWan: values.amountWan ?? '0',
        reason: (values.reason ?? '').trim(),
      });
      message.success(tr('done.corrected'));
      onDone(created);
    });
  };

  return (
    <Modal
      open
      title={tr('correct.title')}
      okText={tr('correct.confirm')}
      okButtonProps={{ 'data-testid': 'correction-submit' } as Record<string, string>}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Typography.Paragraph style={{ margin: '12px 0' }}>
        {tr('correct.original', {
          period: period(report.year, report.month),
          amount: formatWan(report.amountYuan),
          revision: report.revision,
        })}
      </Typography.Paragraph>
      <Alert type="info" showIcon title={tr('correct.hint')} style={{ marginBottom: 16 }} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        data-testid="correction-form"
        style={{ paddingBottom: 12 }}
      >
        <Form.Item
          name="amountWan"
          label={tr('correct.amount')}
          rules={[{ required: true, message: tr('form.amountRequired') }]}
        >
          <WanInput data-testid="correction-amount" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={tr('correct.reason')}
          rules={[{ required: true, whitespace: true, message: tr('correct.reasonRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={REPORT_TEXT_FIELDS.correctionReason.maxLength}
            showCount
            placeholder={tr('correct.reasonPlaceholder')}
            data-testid="correction-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
