import { useMemo } from 'react';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { api, type Id, type Unit, type UnitCreateBody, type UnitUpdateBody } from '../api';
import { useFormRequest } from '../forms';
import { UNIT_KINDS, useI18n } from '../i18n';
import { subtreeIds, type UnitNode } from '../units';
import { UnitTreeSelect } from './UnitTreeSelect';

interface UnitFormValues {
  name: string;
  kind: string;
  regionCode?: string;
  parentId?: Id;
}

type UnitFormModalProps = {
  units: Unit[];
  roots: UnitNode[];
  onClose: () => void;
  onSaved: (unit: Unit) => void;
} & ({ mode: 'create'; parent: Unit } | { mode: 'edit'; unit: Unit });

/** The kind a new sub-unit most likely has: villages under townships and streets. */
function likelyChildKind(parent: Unit): string | undefined {
  return parent.kind === 'township' || parent.kind === 'street' ? 'village' : undefined;
}

/** Adds a sub-unit under a parent, or edits a unit's name, kind and parent. Mounted only while open. */
export function UnitFormModal(props: UnitFormModalProps) {
  const { t, kindLabel } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitFormValues>();
  const { busy, run } = useFormRequest(form);
  const editing = props.mode === 'edit' ? props.unit : null;

  const initialValues: Partial<UnitFormValues> = editing
    ? { name: editing.name, kind: editing.kind, parentId: editing.parentId ?? undefined }
    : { kind: props.mode === 'create' ? likelyChildKind(props.parent) : undefined };

  // A unit cannot move under itself or its own descendants.
  const disabledIds = useMemo(
    () => (editing ? subtreeIds(props.units, editing.id) : undefined),
    [editing, props.units],
  );

  const submit = async (values: UnitFormValues) => {
    await run(async () => {
      let saved: Unit;
      if (props.mode === 'edit') {
        saved = await api.updateUnit(props.unit.id, {
          name: values.name.trim(),
          kind: values.kind as UnitUpdateBody['kind'],
          ...(props.unit.parentId !== null && values.parentId !== undefined
            ? { parentId: Number(values.parentId) }
            : {}),
        });
        message.success(t('common.saved'));
      } else {
        saved = await api.createUnit({
          parentId: Number(props.parent.id),
          name: values.name.trim(),
          kind: values.kind as UnitCreateBody['kind'],
          ...(values.regionCode?.trim() ? { regionCode: values.regionCode.trim() } : {}),
        });
        message.success(t('units.created'));
      }
      props.onSaved(saved);
    });
  };

  return (
    <Modal
      open
      title={editing ? t('units.editTitle') : t('units.addChild')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      data-testid="unit-form"
    >
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit} requiredMark={false}>
        {props.mode === 'create' && (
          <Form.Item label={t('units.parent')}>
            <Typography.Text strong>{props.parent.name}</Typography.Text>
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('units.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { label: t('units.name') }) }]}
        >
          <Input maxLength={100} data-testid="unit-form-name" />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('units.kind')}
          rules={[{ required: true, message: t('common.required', { label: t('units.kind') }) }]}
        >
          <Select
            data-testid="unit-form-kind"
            options={UNIT_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))}
          />
        </Form.Item>
        {props.mode === 'create' && (
          <Form.Item name="regionCode" label={t('units.regionCodeOptional')}>
            <Input maxLength={12} inputMode="numeric" />
          </Form.Item>
        )}
        {editing && editing.parentId !== null && (
          <Form.Item
            name="parentId"
            label={t('units.parent')}
            rules={[{ required: true, message: t('common.required', { label: t('units.parent') }) }]}
          >
            <UnitTreeSelect roots={props.roots} disabledIds={disabledIds} data-testid="unit-form-parent" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
