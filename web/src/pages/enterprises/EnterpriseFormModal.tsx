// 新增企业 / 编辑企业: one dialog for both; the server checks the credit code, phones and township, and names
// the field it refused, where its message then shows.
import { useMemo, useState, type CSSProperties } from 'react';
import { App, Button, Checkbox, Col, Form, Grid, Input, Modal, Radio, Row, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { enterprisesApi, type EnterpriseDetail } from '../../api-enterprises';
import { keepEnterFromSubmitting } from '../../forms';
import { useI18n } from '../../i18n';
import { useEnterprisesI18n } from '../../i18n-enterprises';
import { useSession } from '../../session';
import { subtreeIds } from '../../units';
import {
  ENTERPRISE_FLAGS,
  ENTERPRISE_SCALES,
  listedAndToBeListedConflict,
  type EnterpriseFlag,
} from '../../../../src/domain/enterprises/enterprise-fields';
import { placeProjectError } from '../projects/formValues';
import { industryOptions } from '../projects/ProjectFilters';
import { useIndustries } from '../projects/shared';
import { bodyFromValues, changedFields, valuesFromEnterprise, type EnterpriseFormValues } from './enterpriseForm';
import { useTownships } from './shared';

/** The contract's limit on contacts per enterprise. */
const MAX_CONTACTS = 10;

/** One contact, its three fields side by side; on a phone the role and the remove button wrap below. */
const CONTACT_ROW: CSSProperties = {
  display: 'flex',
  gap: 8,
  alignItems: 'flex-start',
  flexWrap: 'wrap',
  padding: '8px 8px 0',
  marginBottom: 8,
  background: '#fafbfc',
  border: '1px solid #eef0f4',
  borderRadius: 6,
};
const CONTACT_FIELDS: Record<'name' | 'phone' | 'role', CSSProperties> = {
  name: { flex: '1 1 110px', minWidth: 0 },
  phone: { flex: '2 1 150px', minWidth: 0 },
  role: { flex: '1 1 110px', minWidth: 0 },
};

/** The registration form; `enterprise` edits that one. Mounted only while open. */
export function EnterpriseFormModal({
  enterprise,
  onClose,
  onSaved,
}: {
  enterprise?: EnterpriseDetail;
  onClose: () => void;
  onSaved: (saved: EnterpriseDetail) => void;
}) {
  const { te, field, contactField, scale, flag } = useEnterprisesI18n();
  const { t } = useI18n();
  const { message } = App.useApp();
  const { me } = useSession();
  const industries = useIndustries();
  const { townships, units } = useTownships();
  const [form] = Form.useForm<EnterpriseFormValues>();
  const [busy, setBusy] = useState(false);
  const isPhone = Grid.useBreakpoint().md === false;
  // Where it is registered is the township's to say: an enterprise account keeps its contacts and flags.
  const isOwnAccount = me.role === 'enterprise';

  // A unit editor registers enterprises in its own unit and below.
  const reach = useMemo(() => {
    if (me.role !== 'unit_editor' || units.length === 0) return null;
    return subtreeIds(units, me.unitId);
  }, [me.role, me.unitId, units]);

  // The form reads its initial values once, when it mounts.
  const [initialValues] = useState<EnterpriseFormValues>(() =>
    enterprise
      ? valuesFromEnterprise(enterprise)
      : {
          contacts: [{ name: '', phone: '', role: '' }],
          flags: [],
          townshipUnitId: reach && townships.some((u) => u.id === me.unitId) ? me.unitId : undefined,
        },
  );

  const submit = async (values: EnterpriseFormValues) => {
    setBusy(true);
    try {
      const body = bodyFromValues(values);
      let saved = enterprise;
      if (enterprise) {
        const patch = changedFields(enterprise, body);
        if (Object.keys(patch).length > 0) saved = await enterprisesApi.update(enterprise.id, patch);
      } else saved = await enterprisesApi.create(body);
      onSaved(saved!);
    } catch (e) {
      const shown = placeProjectError(form, e);
      if (shown) message.error(shown);
      setBusy(false);
    }
  };

  const required = (label: string) => ({ required: true, whitespace: true, message: t('common.required', { label }) });

  return (
    <Modal
      open
      width={760}
      title={enterprise ? te('form.editTitle', { name: enterprise.name }) : te('form.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'enterprise-form-save' }}
      maskClosable={false}
    >
      <Form<EnterpriseFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
        onKeyDown={keepEnterFromSubmitting}
        data-testid="enterprise-form"
        requiredMark
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={field('name')} rules={[required(field('name'))]}>
              <Input maxLength={120} disabled={isOwnAccount} data-testid="enterprise-form-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="creditCode" label={field('creditCode')} tooltip={te('form.creditCodeHint')}>
              <Input
                maxLength={30}
                placeholder="91330781MA2XXXXXXX"
                style={{ fontFamily: 'monospace' }}
                data-testid="enterprise-form-credit-code"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="industryCode" label={field('industryCode')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={te('form.industryPlaceholder')}
                options={industryOptions(industries, false, (name) => name)}
                loading={!industries}
                data-testid="enterprise-form-industry"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="scale"
              label={field('scale')}
              tooltip={te('form.scaleHint')}
              rules={[{ required: true, message: te('form.choose', { label: field('scale') }) }]}
            >
              <Radio.Group
                optionType="button"
                options={ENTERPRISE_SCALES.map((value) => ({ value, label: scale(value) }))}
                data-testid="enterprise-form-scale"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="townshipUnitId"
              label={field('townshipUnitId')}
              rules={[{ required: true, message: te('form.choose', { label: field('townshipUnitId') }) }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                disabled={isOwnAccount}
                options={townships.map((unit) => ({
                  value: Number(unit.id),
                  label: unit.name,
                  disabled: reach ? !reach.has(unit.id) : undefined,
                }))}
                data-testid="enterprise-form-township"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="address" label={field('address')}>
              <Input maxLength={200} data-testid="enterprise-form-address" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{field('contacts')}</Typography.Text>
        <Form.List name="contacts">
          {(rows, { add, remove }) => (
            <div style={{ marginTop: 8, marginBottom: 16 }} data-testid="enterprise-form-contacts">
              {rows.length > 0 && !isPhone && (
                <div style={{ ...CONTACT_ROW, padding: '0 9px', marginBottom: 4, background: 'none', border: 'none' }}>
                  {(['name', 'phone', 'role'] as const).map((key) => (
                    <Typography.Text key={key} type="secondary" style={{ ...CONTACT_FIELDS[key], fontSize: 13 }}>
                      {contactField(key)}
                    </Typography.Text>
                  ))}
                  <span style={{ width: 32 }} />
                </div>
              )}
              {rows.map((row, index) => (
                <div key={row.key} style={CONTACT_ROW} data-testid={`enterprise-form-contact-${index}`}>
                  <Form.Item
                    name={[row.name, 'name']}
                    rules={[required(contactField('name'))]}
                    style={{ ...CONTACT_FIELDS.name, marginBottom: 8 }}
                  >
                    <Input
                      maxLength={40}
                      placeholder={contactField('name')}
                      aria-label={contactField('name')}
                      data-testid={`enterprise-form-contact-name-${index}`}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'phone']}
                    rules={[required(contactField('phone'))]}
                    style={{ ...CONTACT_FIELDS.phone, marginBottom: 8 }}
                  >
                    <Input
                      maxLength={30}
                      inputMode="tel"
                      placeholder={te('form.phonePlaceholder')}
                      aria-label={contactField('phone')}
                      data-testid={`enterprise-form-contact-phone-${index}`}
                    />
                  </Form.Item>
                  <Form.Item name={[row.name, 'role']} style={{ ...CONTACT_FIELDS.role, marginBottom: 8 }}>
                    <Input
                      maxLength={40}
                      placeholder={te('form.rolePlaceholder')}
                      aria-label={contactField('role')}
                      data-testid={`enterprise-form-contact-role-${index}`}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(row.name)}
                    aria-label={te('form.removeContact')}
                    title={te('form.removeContact')}
                    data-testid={`enterprise-form-contact-remove-${index}`}
                  />
                </div>
              ))}
              <Button
                icon={<PlusOutlined />}
                disabled={rows.length >= MAX_CONTACTS}
                onClick={() => add({ name: '', phone: '', role: '' })}
                data-testid="enterprise-form-add-contact"
              >
                {te('form.addContact')}
              </Button>
            </div>
          )}
        </Form.List>
        <Form.Item
          name="flags"
          label={field('flags')}
          rules={[
            {
              validator: async (_, flags?: EnterpriseFlag[]) => {
                if (flags && listedAndToBeListedConflict(flags)) throw new Error(te('form.flagsConflict'));
              },
            },
          ]}
          style={{ marginBottom: 0 }}
        >
          <Checkbox.Group
            options={ENTERPRISE_FLAGS.map((value) => ({ value, label: flag(value) }))}
            data-testid="enterprise-form-flags"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
