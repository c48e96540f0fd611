import { useState } from 'react';
import { Alert, App, Checkbox, Form, Input, InputNumber, Modal, Typography } from 'antd';
import {
  TOKEN_DEFAULT_DAYS,
  TOKEN_MAX_DAYS,
  TOKEN_WRITABLE,
  type TokenWritable,
} from '../../../src/domain/access/token-scope';
import { api } from '../api';
import { placeApiError } from '../forms';
import { useI18n } from '../i18n';

interface TokenForm {
  name: string;
  expiresInDays: number;
  writes: TokenWritable[];
}

/**
 * Names a new API token, its lifetime (90 days unless changed, at most 365) and what it may write
 * (nothing: read-only), then shows it once with a copy button. Mounted only while open.
 */
export function TokenCreateModal({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<TokenForm>();
  const [busy, setBusy] = useState(false);
  const [token, setToken] = useState<string | null>(null);

  const submit = async ({ name, expiresInDays, writes }: TokenForm) => {
    setBusy(true);
    try {
      const created = await api.createToken({ name: name.trim(), expiresInDays, writes });
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
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={{ expiresInDays: TOKEN_DEFAULT_DAYS, writes: [] }}
        data-testid="token-form"
      >
        <Form.Item
          name="name"
          label={t('tokens.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { label: t('tokens.name') }) }]}
        >
          <Input maxLength={64} placeholder={t('tokens.namePlaceholder')} autoFocus data-testid="token-form-name" />
        </Form.Item>
        <Form.Item
          name="expiresInDays"
          label={t('tokens.expiresInDays')}
          extra={t('tokens.expiresInDaysHint', { max: TOKEN_MAX_DAYS })}
          rules={[{ required: true, message: t('common.required', { label: t('tokens.expiresInDays') }) }]}
        >
          <InputNumber min={1} max={TOKEN_MAX_DAYS} precision={0} data-testid="token-form-days" />
        </Form.Item>
        <Form.Item name="writes" label={t('tokens.writes')} extra={t('tokens.writesHint')}>
          <Checkbox.Group
            data-testid="token-form-writes"
            options={TOKEN_WRITABLE.map((r) => ({ value: r, label: t(`tokens.resource.${r}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
