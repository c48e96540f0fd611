import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { api, setCsrfToken } from '../api';
import { errorMessage } from '../forms';
import { useI18n } from '../i18n';
import { AuthFrame } from '../components/AuthFrame';
import { DemoAccounts } from '../components/Demo';

interface LoginValues {
  username: string;
  password: string;
}

/** Sign-in with username and password; the server's message (wrong password, rate limit) is shown as it is. */
export function LoginPage({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const { t } = useI18n();
  const [form] = Form.useForm<LoginValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: LoginValues) => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.signIn(values);
      setCsrfToken(result.csrfToken);
      await onSignedIn();
    } catch (e) {
      setError(errorMessage(e));
      form.setFieldValue('password', '');
      setBusy(false);
    }
  };

  return (
    <AuthFrame title={t('login.title')}>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="login-form" requiredMark={false}>
        {error && <Alert type="error" showIcon title={error} data-testid="login-error" style={{ marginBottom: 16 }} />}
        <Form.Item
          name="username"
          label={t('login.username')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { label: t('login.username') }) }]}
        >
          <Input
            prefix={<UserOutlined />}
            autoComplete="username"
            autoFocus
            data-testid="login-username"
            size="large"
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('common.required', { label: t('login.password') }) }]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            data-testid="login-password"
            size="large"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
      <DemoAccounts onPick={(username, password) => form.setFieldsValue({ username, password })} />
    </AuthFrame>
  );
}
