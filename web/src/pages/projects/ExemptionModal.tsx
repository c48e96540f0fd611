// 正当理由豁免 of one project's light: the dialog that adds an exemption.
import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError, type Id } from '../../api';
import { lightsApi, type DimensionKey, type ProjectLight } from '../../api-lights';
import { errorMessage } from '../../forms';
import { useLightsI18n } from '../../i18n-lights';
import { DIMENSION_KEYS } from '../../../../src/domain/lights/types';
import { countyNow } from '../../today';

interface ExemptionValues {
  dimension: DimensionKey;
  reason: string;
  until: Dayjs;
}

/** 正当理由豁免: a dimension, a reason and the last day; the approver is the signed-in user. */
export function ExemptionModal({
  projectId,
  light,
  onClose,
  onDone,
}: {
  projectId: Id;
  light: ProjectLight;
  onClose: () => void;
  onDone: (light: ProjectLight) => void;
}) {
  const { tl, dimension } = useLightsI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ExemptionValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const firing = light.findings[0]?.dimension;

  const submit = async () => {
    let values: ExemptionValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const next = await lightsApi.addExemption(projectId, {
        dimension: values.dimension,
        reason: values.reason.trim(),
        until: values.until.format('YYYY-MM-DD'),
      });
      message.success(tl('light.added'));
      onDone(next);
    } catch (e) {
      if (e instanceof ApiError && e.field && ['dimension', 'reason', 'until'].includes(e.field)) {
        form.setFields([{ name: e.field as keyof ExemptionValues, errors: [e.message] }]);
      } else setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={tl('light.exemptionTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={tl('light.submit')}
      okButtonProps={{ loading: saving, 'data-testid': 'exemption-submit' } as { loading: boolean }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {tl('light.exemptionHint')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<ExemptionValues>
        form={form}
        layout="vertical"
        initialValues={{ dimension: firing, until: countyNow().endOf('month') }}
        data-testid="exemption-form"
      >
        <Form.Item
          name="dimension"
          label={tl('light.dimension')}
          rules={[{ required: true, message: tl('light.dimensionRequired') }]}
        >
          <Select
            data-testid="exemption-dimension"
            options={DIMENSION_KEYS.map((key) => ({ value: key, label: dimension(key) }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={tl('light.reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: tl('light.reasonRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={tl('light.reasonPlaceholder')}
            data-testid="exemption-reason"
          />
        </Form.Item>
        <Form.Item
          name="until"
          label={tl('light.until')}
          rules={[{ required: true, message: tl('light.untilRequired') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(countyNow(), 'day')}
            data-testid="exemption-until"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
