import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Skeleton, Typography } from 'antd';
import { raceApi, type Bulletin, type BulletinDraft } from '../../api-race';
import { errorMessage, useFormRequest } from '../../forms';
import { useRaceI18n } from '../../i18n-race';

interface Values {
  title: string;
  docNumber: string;
  commentary: string;
}

/**
 * 发布通报: the draft from GET bulletin-draft (title, 文号, commentary), editable, then published.
 * Publishing freezes the period's ranking into the bulletin.
 */
export function PublishModal({
  raceId,
  year,
  period,
  periodLabel,
  onClose,
  onPublished,
}: {
  raceId: number;
  year: number;
  period: number;
  periodLabel: string;
  onClose: () => void;
  onPublished: (bulletin: Bulletin) => void;
}) {
  const { tk } = useRaceI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, run } = useFormRequest(form);
  const [draft, setDraft] = useState<BulletinDraft | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    raceApi.bulletinDraft(raceId, { year, period }).then(setDraft, (e: unknown) => setLoadError(errorMessage(e)));
  }, [raceId, year, period]);

  const publish = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    await run(async () => {
      const bulletin = await raceApi.publish({ raceId, year, period, title: values.title.trim(), docNumber: values.docNumber.trim(), commentary: values.commentary });
      message.success(tk('publish.done'));
      onPublished(bulletin);
    });
  };

  const required = (label: string) => [{ required: true, whitespace: true, message: tk('publish.required', { label }) }];

  return (
    <Modal
      open
      title={`${tk('publish.title')} · ${periodLabel}`}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
      width={760}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {tk('editor.cancel')}
        </Button>,
        <Button key="publish" type="primary" loading={busy} disabled={!draft} onClick={() => void publish()} data-testid="publish-submit">
          {tk('publish.submit')}
        </Button>,
      ]}
      data-testid="publish-modal"
    >
      {loadError && <Alert type="error" showIcon title={loadError} style={{ marginBottom: 12 }} />}
      {!draft ? (
        !loadError && <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Form<Values> form={form} layout="vertical" initialValues={{ title: draft.title, docNumber: draft.docNumber, commentary: draft.commentary }} requiredMark={false} data-testid="publish-form">
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {tk('publish.hint')}
          </Typography.Paragraph>
          <Form.Item name="title" label={tk('publish.heading')} rules={required(tk('publish.heading'))}>
            <Input maxLength={200} data-testid="publish-title" />
          </Form.Item>
          <Form.Item name="docNumber" label={tk('publish.docNumber')} rules={required(tk('publish.docNumber'))} extra={draft.issuer ? `${tk('publish.issuer')}：${draft.issuer}` : undefined}>
            <Input maxLength={100} data-testid="publish-doc-number" />
          </Form.Item>
          <Form.Item name="commentary" label={tk('publish.commentary')} rules={required(tk('publish.commentary'))}>
            <Input.TextArea autoSize={{ minRows: 10, maxRows: 22 }} data-testid="publish-commentary" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
