import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Skeleton, Typography } from 'antd';
import { ApiError } from '../../api';
import { bulletinApi, type CorrectionDraft } from '../../api-bulletins';
import type { Bulletin } from '../../api-race';
import { errorMessage, useFormRequest } from '../../forms';
import { useRaceI18n } from '../../i18n-race';
import { correctionPreface } from '../../../../src/domain/race/correction';
import { PublishCheckPanel, usePublishCheck } from './PublishCheckPanel';
import { correctionDraftQuery, invalidateBulletins } from '../../features/race/queries';

interface Values {
  reason: string;
  title: string;
  docNumber: string;
  commentary: string;
}

/**
 * 发布更正通报: the reason, and a title, 文号 and text prefilled from GET correction-draft (a fresh draft
 * from today's data). The statement naming the corrected bulletin and the reason is previewed as the
 * server will put it before the text. The check before publishing applies as when publishing.
 */
export function CorrectionModal({
  bulletin,
  onClose,
  onCorrected,
}: {
  bulletin: Bulletin;
  onClose: () => void;
  onCorrected: (correction: Bulletin) => void;
}) {
  const { tk } = useRaceI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, run } = useFormRequest(form);
  const draftQuery = useQuery(correctionDraftQuery(bulletin.id));
  const draft: CorrectionDraft | null = draftQuery.data ?? null;
  const loadError = draftQuery.error ? errorMessage(draftQuery.error) : null;
  const {
    check,
    error: checkError,
    reload: reloadCheck,
  } = usePublishCheck(bulletin.raceId, bulletin.year, bulletin.periodIndex);
  const [acknowledged, setAcknowledged] = useState(false);
  const reason = Form.useWatch('reason', form) ?? '';
  const needsAck = !!check?.needsAcknowledgement;
  const ready = !!draft && !!check && check.canPublish && (!needsAck || acknowledged);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    await run(async () => {
      try {
        const correction = await bulletinApi.correct(bulletin.id, {
          reason: values.reason.trim(),
          title: values.title.trim(),
          docNumber: values.docNumber.trim(),
          commentary: values.commentary,
          acknowledged: needsAck && acknowledged,
        });
        message.success(tk('correct.done'));
        void invalidateBulletins();
        onCorrected(correction);
      } catch (e) {
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
      title={`${tk('correct.title')} · ${bulletin.periodLabel}`}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
      width={760}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {tk('editor.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          danger={needsAck}
          loading={busy}
          disabled={!ready}
          onClick={() => void submit()}
          data-testid="correction-submit"
        >
          {needsAck ? tk('publish.anyway') : tk('correct.submit')}
        </Button>,
      ]}
      data-testid="correction-modal"
    >
      {loadError && <Alert type="error" showIcon title={loadError} style={{ marginBottom: 12 }} />}
      <PublishCheckPanel check={check} error={checkError} acknowledged={acknowledged} onAcknowledge={setAcknowledged} />
      {!draft ? (
        !loadError && <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ reason: '', title: draft.title, docNumber: draft.docNumber, commentary: draft.commentary }}
          requiredMark={false}
          data-testid="correction-form"
        >
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {tk('correct.hint')}
          </Typography.Paragraph>
          <Form.Item
            name="reason"
            label={tk('correct.reason')}
            rules={[{ required: true, whitespace: true, min: 2, max: 500, message: tk('correct.reasonRule') }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 4 }}
              maxLength={500}
              placeholder={tk('correct.reasonPlaceholder')}
              data-testid="correction-reason"
            />
          </Form.Item>
          <Form.Item label={tk('correct.preface')}>
            <div
              style={{
                background: '#fafafa',
                border: '1px solid #f0f0f0',
                borderRadius: 6,
                padding: '8px 12px',
                lineHeight: 1.8,
              }}
              data-testid="correction-preface"
            >
              {correctionPreface({
                title: draft.corrects.title,
                docNumber: draft.corrects.docNumber,
                reason: reason.trim() || '……',
              })}
            </div>
          </Form.Item>
          <Form.Item name="title" label={tk('publish.heading')} rules={required(tk('publish.heading'))}>
            <Input maxLength={200} data-testid="correction-title" />
          </Form.Item>
          <Form.Item
            name="docNumber"
            label={tk('publish.docNumber')}
            rules={required(tk('publish.docNumber'))}
            extra={draft.issuer ? `${tk('publish.issuer')}：${draft.issuer}` : undefined}
          >
            <Input maxLength={100} data-testid="correction-doc-number" />
          </Form.Item>
          <Form.Item name="commentary" label={tk('publish.commentary')} rules={required(tk('publish.commentary'))}>
            <Input.TextArea autoSize={{ minRows: 8, maxRows: 18 }} data-testid="correction-commentary" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
