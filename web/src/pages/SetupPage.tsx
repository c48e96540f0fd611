import { useEffect, useRef, useState } from 'react';
import { App, Alert, Button, Form, Input, Select, Typography } from 'antd';
import { api, ApiError, type Region } from '../api';
import { placeApiError } from '../forms';
import { useI18n } from '../i18n';
import { PASSWORD_MIN_LENGTH } from '../../../src/domain/access/password-policy';
import { AuthFrame } from '../components/AuthFrame';
import { PasswordStrength } from '../components/PasswordStrength';
import { LoadDemoButton } from '../components/Demo';

interface SetupValues {
  regionCode: string;
  username: string;
  displayName: string;
  password: string;
  passwordConfirm: string;
}

const DEFAULT_REGION_SEARCH = '兰溪';

function regionLabel(region: Region): string {
  return [region.name, region.city, region.province].filter(Boolean).join(' · ');
}

/** First run: pick the county-level region and create the first administrator. */
export function SetupPage({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<SetupValues>();
  const password = Form.useWatch('password', form);
  const username = Form.useWatch('username', form);
  const [regions, setRegions] = useState<Region[]>([]);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const latestSearch = useRef(0);
  const debounce = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const searchRegions = (q: string) => {
    const ticket = ++latestSearch.current;
    setSearching(true);
    api
      .searchRegions(q)
      .then((result) => {
        if (ticket === latestSearch.current) setRegions(result.items);
      })
      .catch((e: unknown) => {
        if (ticket === latestSearch.current) setError(e instanceof Error ? e.message : String(e));
      })
      .finally(() => {
        if (ticket === latestSearch.current) setSearching(false);
      });
  };

  useEffect(() => {
    searchRegions(DEFAULT_REGION_SEARCH);
    return () => clearTimeout(debounce.current);
  }, []);

  const onSearch = (text: string) => {
    clearTimeout(debounce.current);
    debounce.current = setTimeout(() => searchRegions(text.trim() || DEFAULT_REGION_SEARCH), 250);
  };

  const submit = async ({ passwordConfirm: _confirm, ...values }: SetupValues) => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.runSetup(values);
      message.success(t('setup.done', { count: result.unitCount }));
      await onDone();
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.code === 'SETUP_DONE') {
        await onDone();
        return;
      }
      const shown = placeApiError(form, e);
      if (shown) setError(shown);
    }
  };

  const passwordRules = [
    { required: true, message: t('common.required', { label: t('setup.password') }) },
    { min: PASSWORD_MIN_LENGTH, message: t('common.passwordMin', { n: PASSWORD_MIN_LENGTH }) },
  ];

  return (
    <AuthFrame title={t('setup.title')} width={520}>
      <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="setup-error" />}
      <Form form={form} layout="vertical" onFinish={submit} data-testid="setup-form" requiredMark={false}>
        <Form.Item
          name="regionCode"
          label={t('setup.region')}
          rules={[{ required: true, message: t('common.required', { label: t('setup.region') }) }]}
        >
          <Select
            data-testid="setup-region"
            placeholder={t('setup.regionPlaceholder')}
            showSearch={{ filterOption: false, onSearch }}
            loading={searching}
            size="large"
            options={regions.map((region) => ({
              value: region.code,
              label: regionLabel(region),
            }))}
            optionRender={(option) => (
              <span style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <span>{option.label}</span>
                <Typography.Text type="secondary">{option.value}</Typography.Text>
              </span>
            )}
          />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('setup.username')}
          initialValue="admin"
          rules={[{ required: true, whitespace: true, message: t('common.required', { label: t('setup.username') }) }]}
        >
          <Input autoComplete="username" data-testid="setup-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('setup.displayName')}
          initialValue="系统管理员"
          rules={[
            { required: true, whitespace: true, message: t('common.required', { label: t('setup.displayName') }) },
          ]}
        >
          <Input data-testid="setup-display-name" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('setup.password')}
          rules={passwordRules}
          hasFeedback
          extra={<PasswordStrength password={password} username={username} />}
        >
          <Input.Password autoComplete="new-password" data-testid="setup-password" />
        </Form.Item>
        <Form.Item
          name="passwordConfirm"
          label={t('setup.passwordConfirm')}
          dependencies={['password']}
          hasFeedback
          rules={[
            { required: true, message: t('common.required', { label: t('setup.passwordConfirm') }) },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || getFieldValue('password') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('common.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="setup-password-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="setup-submit">
          {t('setup.submit')}
        </Button>
      </Form>
      <LoadDemoButton onDone={onDone} />
    </AuthFrame>
  );
}
