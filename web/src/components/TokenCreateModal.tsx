import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { api } from '../api';
import { placeApiError } from '../forms';
import { useI18n } from '../i18n';

/** Names a new API token, then shows it once with a copy button. Mounted only while open. */
export function TokenCreateModal({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const [busy, setBusy] = useState(false);
  const [token, setToken] = useState<string | null>(null);

  const submit = async ({ name }: { name: string }) => {
    setBusy(true);
    try {
      const created = await api.createToken(name.trim());
      setToken(created.token);
      onCreated();
    } catch (e) {
      const shown = placeApiError(form, e);
      if (shown) message.error(shown);
    } finally {
      setBusy(false);
    }
  };

  if (token) {
    return (
      <Modal
        open
        title={t('tokens.createdTitle')}
        onCancel={onClose}
        onOk={onClose}
        okText={t('common.ok')}
        cancelButtonProps={{ style: { display: 'none' } }}
        mask={{ closable: false }}
      >
        <Alert type="warning" showIcon title={t('tokens.showOnce')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph
          copyable={{ text: token, tooltips: [t('common.copy'), t('common.copied')] }}
          code
          data-testid="token-value"
          style={{ wordBreak: 'break-all', fontSize: 13 }}
        >
          {token}
        </Typography.Paragraph>
      </Modal>
    );
  }

  return (
    <Modal
      open
      title={t('tokens.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="token-form">
        <Form.Item
          name="name"
          label={t('tokens.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { label: t('tokens.name') }) }]}
        >
          <Input maxLength={64} placeholder={t('tokens.namePlaceholder')} autoFocus data-testid="token-form-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
