import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Form, InputNumber, Skeleton, Space, Typography } from 'antd';
import { CloseOutlined, PlusOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { ApiError } from '../../api';
import { settingsApi, type ReminderSettings } from '../../api-settings';
import { reminderSettingsQuery } from '../../features/admin/queries';
import { errorMessage } from '../../forms';
import { queryClient } from '../../queries/client';
import { useSettingsI18n } from '../../i18n-settings';
import { clearFieldErrors } from './shared';

interface FormValues {
  licenceOffsets: (number | null)[];
}

const formValuesOf = (settings: ReminderSettings): FormValues => ({ licenceOffsets: settings.licenceOffsets });

/** The days before a licence ends at which reminders go out, one box each; the server checks the list. */
export function LicenceOffsetsCard() {
  const { ts, lang } = useSettingsI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const settings = useQuery(reminderSettingsQuery);
  const current = settings.data ?? null;
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const offsets = Form.useWatch('licenceOffsets', form);
  const shown = (offsets ?? []).filter((d): d is number => typeof d === 'number').sort((a, b) => b - a);

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
      // An emptied box means nothing: it is left out rather than sent as a day.
      const licenceOffsets = (values.licenceOffsets ?? []).filter((d): d is number => typeof d === 'number');
      const saved = await settingsApi.updateReminders({ licenceOffsets });
      queryClient.setQueryData(reminderSettingsQuery.queryKey, saved);
      form.setFieldsValue(formValuesOf(saved));
      message.success(ts('offsets.saved'));
    } catch (e) {
      if (e instanceof ApiError && e.field?.startsWith('licenceOffsets'))
        form.setFields([{ name: 'licenceOffsets', errors: [e.message] }]);
      else setSaveError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={ts('offsets.title')} style={{ marginBottom: 16 }} data-testid="licence-offsets">
      <Typography.Paragraph type="secondary">{ts('offsets.intro')}</Typography.Paragraph>
      {settings.error && <Alert type="error" showIcon title={errorMessage(settings.error)} />}
      {!current && !settings.error && <Skeleton active paragraph={{ rows: 2 }} />}
      {saveError && <Alert type="error" showIcon title={saveError} style={{ marginBottom: 12 }} />}
      {current && (
        <Form<FormValues>
          form={form}
          onFinish={(values) => void save(values)}
          onValuesChange={clearErrors}
          data-testid="licence-offsets-form"
        >
          <Form.List name="licenceOffsets">
            {(fields, { add, remove }, { errors }) => (
              <>
                <Space wrap size={[8, 8]}>
                  {fields.map((field, index) => (
                    <Space.Compact key={field.key}>
                      <Form.Item name={field.name} noStyle>
                        <InputNumber<number>
                          precision={0}
                          suffix={ts('offsets.unit')}
                          style={{ width: 110 }}
                          aria-label={ts('offsets.item', { n: index + 1 })}
                          data-testid={`licence-offset-${index}`}
                        />
                      </Form.Item>
                      <Button
                        icon={<CloseOutlined />}
                        aria-label={ts('offsets.remove', { n: index + 1 })}
                        onClick={() => remove(field.name)}
                        data-testid={`licence-offset-remove-${index}`}
                      />
                    </Space.Compact>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add(null)}
                    data-testid="licence-offset-add"
                  >
                    {ts('offsets.add')}
                  </Button>
                </Space>
                {/* The server refuses the list as a whole (field 'licenceOffsets'), not one box of it. */}
                {errors.length > 0 && (
                  <div role="alert" style={{ marginTop: 4 }} data-testid="licence-offsets-error">
                    <Typography.Text type="danger">{errors[0]}</Typography.Text>
                  </div>
                )}
              </>
            )}
          </Form.List>
          <Typography.Paragraph style={{ margin: '12px 0' }} data-testid="licence-offsets-summary">
            {shown.length
              ? ts('offsets.summary', { days: shown.join(lang === 'en' ? ', ' : '、') })
              : ts('offsets.summaryNone')}
            <Typography.Text type="secondary"> {ts('offsets.hint')}</Typography.Text>
          </Typography.Paragraph>
          <Space wrap>
            <Button
              type="primary"
              htmlType="submit"
              icon={<SaveOutlined />}
              loading={saving}
              data-testid="licence-offsets-save"
            >
              {ts('offsets.save')}
            </Button>
            <Button icon={<UndoOutlined />} onClick={() => (form.setFieldsValue(formValuesOf(current)), clearErrors())}>
              {ts('reset')}
            </Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
