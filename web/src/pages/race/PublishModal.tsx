import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Skeleton, Typography } from 'antd';
import { raceApi, type Bulletin, type BulletinDraft } from '../../api-race';
import { bulletinDraftQuery, invalidateBulletins } from '../../features/race/queries';
import { ApiError } from '../../api';
import { errorMessage, useFormRequest } from '../../forms';
import { useRaceI18n } from '../../i18n-race';
import { PublishCheckPanel, usePublishCheck } from './PublishCheckPanel';

interface Values {
  title: string;
  docNumber: string;
  commentary: string;
}

/**
 * 发布通报: the draft from GET bulletin-draft (title, 文号, commentary), editable, then published.
 * Publishing freezes the period's ranking into the bulletin. The check before publishing shows above
 * the form: its blocking findings keep the button off; the others must be ticked, and the button reads
 * 仍要发布.
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
  const draftQuery = useQuery(bulletinDraftQuery(raceId, year, period));
  const draft: BulletinDraft | null = draftQuery.data ?? null;
  const loadError = draftQuery.error ? errorMessage(draftQuery.error) : null;
  const { check, error: checkError, reload: reloadCheck } = usePublishCheck(raceId, year, period);
  const [acknowledged, setAcknowledged] = useState(false);
  const needsAck = !!check?.needsAcknowledgement;
  const ready = !!draft && !!check && check.canPublish && (!needsAck || acknowledged);

  const publish = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    await run(async () => {
      try {
        const bulletin = await raceApi.publish({
          raceId,
          year,
          period,
          title: values.title.trim(),
          docNumber: values.docNumber.trim(),
          commentary: values.commentary,
          acknowledged: needsAck && acknowledged,
        });
        message.success(tk('publish.done'));
        void invalidateBulletins();
        onPublished(bulletin);
      } catch (e) {
        // Something new turned up since the check was shown: show it again, to be acknowledged anew.
        if (e instanceof ApiError && e.field === 'acknowledged') {
          setAcknowledged(false);
          reloadCheck();
        }
        throw e;
      }
    });
  };

  const required = (label: string) => [
    { required: true, whitespace: true, message: tk('publish.required', { label }) },
  ];

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
        <Button
          key="publish"
          type="primary"
          danger={needsAck}
          loading={busy}
          disabled={!ready}
          onClick={() => void publish()}
          data-testid="publish-submit"
        >
          {needsAck ? tk('publish.anyway') : tk('publish.submit')}
        </Button>,
      ]}
      data-testid="publish-modal"
    >
      {loadError && <Alert type="error" showIcon title={loadError} style={{ marginBottom: 12 }} />}
      <PublishCheckPanel check={check} error={checkError} acknowledged={acknowledged} onAcknowledge={setAcknowledged} />
      {!draft ? (
        !loadError && <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ title: draft.title, docNumber: draft.docNumber, commentary: draft.commentary }}
          requiredMark={false}
          data-testid="publish-form"
        >
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {tk('publish.hint')}
          </Typography.Paragraph>
          <Form.Item name="title" label={tk('publish.heading')} rules={required(tk('publish.heading'))}>
            <Input maxLength={200} data-testid="publish-title" />
          </Form.Item>
          <Form.Item
            name="docNumber"
            label={tk('publish.docNumber')}
            rules={required(tk('publish.docNumber'))}
            extra={draft.issuer ? `${tk('publish.issuer')}：${draft.issuer}` : undefined}
          >
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
