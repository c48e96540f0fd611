import { App, Form, Input, Modal, Typography } from 'antd';
import { reportsApi, type Report } from '../../api-reports';
import { useFormRequest } from '../../forms';
import { useReportsI18n } from '../../i18n-reports';
import { REPORT_TEXT_FIELDS } from '../../../../src/domain/reports/report-fields';

/** 退回: asks the reason the filing unit will see, then returns the report. Mounted while open. */
export function ReturnModal({
  reportId,
  title,
  onClose,
  onDone,
}: {
  reportId: number;
  /** What is returned, e.g. "项目名 · 2026年10月". */
  title: string;
  onClose: () => void;
  onDone: (report: Report) => void;
}) {
  const { tr } = useReportsI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { busy, run } = useFormRequest(form);

  const submit = async ({ reason }: { reason: string }) => {
    await run(async () => {
      const report = await reportsApi.return(reportId, reason.trim());
      message.success(tr('done.returned'));
      onDone(report);
    });
  };

  return (
    <Modal
      open
      title={tr('return.title')}
      okText={tr('return.confirm')}
      okButtonProps={{ danger: true, ...({ 'data-testid': 'return-confirm' } as Record<string, string>) }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 16px' }}>
        {title}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        data-testid="return-form"
        style={{ paddingBottom: 12 }}
      >
        <Form.Item
          name="reason"
          label={tr('return.reason')}
          rules={[{ required: true, whitespace: true, message: tr('return.reasonRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={REPORT_TEXT_FIELDS.returnReason.maxLength}
            showCount
            autoFocus
            placeholder={tr('return.reasonPlaceholder')}
            data-testid="return-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
