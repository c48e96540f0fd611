// 新增证照 / 编辑证照 of one enterprise: type, number, issuer and the validity (both days included).
import { useState } from 'react';
import { App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Id } from '../../api';
import { enterprisesApi, type LicenceView } from '../../api-enterprises';
import { keepEnterFromSubmitting, placeApiError } from '../../forms';
import { useI18n } from '../../i18n';
import { useEnterprisesI18n } from '../../i18n-enterprises';
import {
  LICENCE_TYPES,
  LICENCE_VALIDITY_YEARS,
  type LicenceType,
} from '../../../../src/domain/enterprises/enterprise-fields';

interface LicenceFormValues {
  type?: LicenceType;
  number?: string;
  issuer?: string;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Adds a licence to `enterpriseId`, or edits `licence`. Mounted only while open. */
export function LicenceFormModal({
  enterpriseId,
  licence,
  onClose,
  onSaved,
}: {
  enterpriseId: Id;
  licence?: LicenceView;
  onClose: () => void;
  onSaved: (saved: LicenceView) => void;
}) {
  const { te, licenceType } = useEnterprisesI18n();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<LicenceFormValues>();
  const [busy, setBusy] = useState(false);
  const [initialValues] = useState<LicenceFormValues>(() =>
    licence
      ? {
          type: licence.type,
          number: licence.number,
          issuer: licence.issuer ?? '',
          validFrom: licence.validFrom ? dayjs(licence.validFrom) : null,
          validTo: dayjs(licence.validTo),
        }
      : {},
  );

  const submit = async (values: LicenceFormValues) => {
    setBusy(true);
    try {
      const body = {
        type: values.type!,
        number: (values.number ?? '').trim(),
        issuer: values.issuer?.trim() || null,
        validFrom: day(values.validFrom),
        validTo: day(values.validTo)!,
      };
      const saved = licence
        ? await enterprisesApi.updateLicence(licence.id, body)
        : await enterprisesApi.addLicence(enterpriseId, body);
      onSaved(saved);
    } catch (e) {
      const shown = placeApiError(form, e);
      if (shown) message.error(shown);
      setBusy(false);
    }
  };

  // A new licence's start with no end typed yet: the end its type is usually issued for (5 years from
  // 2024-07-01 → 2029-06-30). An edited licence keeps the end it has.
  const suggestEnd = (changed: Partial<LicenceFormValues>, all: LicenceFormValues) => {
    if (licence || (!('validFrom' in changed) && !('type' in changed))) return;
    if (!all.validFrom || !all.type || form.isFieldTouched('validTo')) return;
    form.setFieldValue('validTo', all.validFrom.add(LICENCE_VALIDITY_YEARS[all.type], 'year').subtract(1, 'day'));
  };

  return (
    <Modal
      open
      title={licence ? te('licence.editTitle') : te('licence.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'licence-form-save' }}
      maskClosable={false}
    >
      <Form<LicenceFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={suggestEnd}
        onFinish={(values) => void submit(values)}
        onKeyDown={keepEnterFromSubmitting}
        data-testid="licence-form"
      >
        <Form.Item
          name="type"
          label={te('licence.type')}
          rules={[{ required: true, message: te('form.choose', { label: te('licence.type') }) }]}
        >
          <Select
            options={LICENCE_TYPES.map((value) => ({ value, label: licenceType(value) }))}
            data-testid="licence-form-type"
          />
        </Form.Item>
        <Form.Item
          name="number"
          label={te('licence.number')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { label: te('licence.number') }) }]}
        >
          <Input maxLength={60} data-testid="licence-form-number" />
        </Form.Item>
        <Form.Item name="issuer" label={te('licence.issuer')}>
          <Input maxLength={100} data-testid="licence-form-issuer" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="validFrom" label={te('licence.validFrom')}>
              <DatePicker style={{ width: '100%' }} data-testid="licence-form-valid-from" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="validTo"
              label={te('licence.validTo')}
              rules={[{ required: true, message: te('form.choose', { label: te('licence.validTo') }) }]}
            >
              <DatePicker style={{ width: '100%' }} data-testid="licence-form-valid-to" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
