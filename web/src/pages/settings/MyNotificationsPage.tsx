import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Checkbox, Form, Input, Skeleton, Space, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { ApiError } from '../../api';
import { settingsApi, type MyNotifications } from '../../api-settings';
import { myNotificationsQuery } from '../../features/admin/queries';
import { errorMessage } from '../../forms';
import { queryClient } from '../../queries/client';
import { useSettingsI18n } from '../../i18n-settings';
import { PageHeader } from '../../components/PageHeader';
import { clearFieldErrors } from './shared';
import {
  NOTIFICATION_EVENTS,
  type NotificationChannelKind,
  type NotificationEvent,
} from '../../../../src/domain/notices/notification-events';

interface FormValues {
  email: string;
  events: Record<NotificationEvent, NotificationChannelKind[]>;
}

const formValuesOf = (mine: MyNotifications): FormValues => ({
  email: mine.email ?? '',
  events: Object.fromEntries(NOTIFICATION_EVENTS.map((e) => [e, mine.events[e] ?? []])) as FormValues['events'],
});

/**
 * The form field a refused choice names: 'email', or 'events.<event>.<i>' (an event's name holds a dot itself,
 * 'events.ticket.due.0'), which is that event's channels; null for anything else.
 */
function fieldOf(field: string | undefined): (string | number)[] | null {
  if (field === 'email') return ['email'];
  if (!field?.startsWith('events.')) return null;
  const rest = field.slice('events.'.length);
  const event = NOTIFICATION_EVENTS.find((e) => rest === e || rest.startsWith(`${e}.`));
  return event ? ['events', event] : null;
}

/** 我的通知: the person's e-mail and, for each event, the channels that carry a copy besides the inbox. */
export function MyNotificationsPage() {
  const { ts, event: eventName } = useSettingsI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const mine = useQuery(myNotificationsQuery);
  const current = mine.data ?? null;
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  useEffect(() => {
    if (current) form.setFieldsValue(formValuesOf(current));
  }, [current, form]);

  const clearErrors = () => {
    setSaveError(null);
    clearFieldErrors(form);
  };

  const save = async (values: FormValues) => {
    setSaving(true);
    clearErrors();
    try {
      const saved = await settingsApi.updateMine({
        email: values.email.trim() || null,
        events: values.events,
      });
      queryClient.setQueryData(myNotificationsQuery.queryKey, saved);
      message.success(ts('mine.saved'));
    } catch (e) {
      const name = e instanceof ApiError ? fieldOf(e.field) : null;
      if (name) {
        form.setFields([{ name: name as never, errors: [errorMessage(e)] }]);
        form.scrollToField(name as never, { block: 'center' });
      } else setSaveError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  if (!current) {
    return (
      <>
        <PageHeader title={ts('mine.title')} />
        {mine.error ? (
          <Alert
            type="error"
            showIcon
            title={errorMessage(mine.error)}
            action={<Button onClick={() => void mine.refetch()}>↻</Button>}
          />
        ) : (
          <Skeleton active paragraph={{ rows: 6 }} />
        )}
      </>
    );
  }

  const { available } = current;
  return (
    <>
      <PageHeader title={ts('mine.title')} />
      <Card style={{ maxWidth: 760 }} data-testid="my-notifications">
        <Typography.Paragraph type="secondary">{ts('mine.intro')}</Typography.Paragraph>
        {available.length === 0 && (
          <Alert
            type="warning"
            showIcon
            title={ts('mine.noChannels')}
            style={{ marginBottom: 16 }}
            data-testid="my-no-channels"
          />
        )}
        {saveError && (
          <Alert type="error" showIcon title={saveError} style={{ marginBottom: 16 }} data-testid="my-error" />
        )}
        <Form<FormValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => void save(values)}
          onValuesChange={clearErrors}
          data-testid="my-notifications-form"
        >
          <Form.Item
            label={ts('mine.email')}
            name="email"
            extra={available.includes('email') ? ts('mine.emailHint') : ts('mine.emailOff')}
          >
            <Input
              autoComplete="email"
              inputMode="email"
              placeholder="name@example.gov.cn"
              maxLength={200}
              style={{ maxWidth: 420 }}
              data-testid="my-email"
            />
          </Form.Item>
          <Typography.Title level={5} style={{ marginTop: 4 }}>
            {ts('mine.events')}
          </Typography.Title>
          {NOTIFICATION_EVENTS.map((event) => (
            <div key={event} data-testid={`my-event-${event}`}>
              <Form.Item label={eventName(event)} name={['events', event]}>
                <ChannelChoice available={available} />
              </Form.Item>
            </div>
          ))}
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="my-save">
            {ts('mine.save')}
          </Button>
        </Form>
      </Card>
    </>
  );
}

/** One event's channels: the inbox, always; then a box for each channel this server has set up. */
function ChannelChoice({
  available,
  value = [],
  onChange,
}: {
  available: NotificationChannelKind[];
  value?: NotificationChannelKind[];
  onChange?: (value: NotificationChannelKind[]) => void;
}) {
  const { ts, channel } = useSettingsI18n();
  return (
    <Space wrap size={[16, 8]}>
      {/* Not a choice: every reminder reaches the inbox; shown so that unticking the rest does not look like "never". */}
      <Checkbox checked disabled>
        {ts('mine.inbox')}
      </Checkbox>
      <Checkbox.Group<NotificationChannelKind>
        value={value}
        onChange={(next) => onChange?.(next)}
        options={available.map((c) => ({ value: c, label: channel(c) }))}
      />
    </Space>
  );
}
