import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { api, type Id, type User, type UserCreateBody, type UserUpdateBody } from '../api';
import { useFormRequest } from '../forms';
import { ROLES, useI18n } from '../i18n';
import type { UnitNode } from '../units';
import { PASSWORD_MIN_LENGTH } from '../../../src/domain/access/password-policy';
import { PasswordStrength } from './PasswordStrength';
import { UnitTreeSelect } from './UnitTreeSelect';
import { useSession } from '../session';

interface UserFormValues {
  username: string;
  displayName: string;
  role: string;
  unitId: Id;
  password?: string;
  isActive: boolean;
}

interface UserFormModalProps {
  /** The user being edited; absent to create one. */
  user?: User;
  roots: UnitNode[];
  defaultUnitId?: Id;
  onClose: () => void;
  onSaved: (user: User) => void;
}

/** Creates a user, or edits name, role, unit, status and (optionally) password. Mounted only while open. */
export function UserFormModal({ user, roots, defaultUnitId, onClose, onSaved }: UserFormModalProps) {
  const session = useSession();
  const { t, roleLabel } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const { busy, run } = useFormRequest(form);
  const password = Form.useWatch('password', form);
  const username = Form.useWatch('username', form);

  const initialValues: Partial<UserFormValues> = user
    ? {
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        unitId: user.unitId ?? undefined,
        isActive: user.isActive,
      }
    : { role: 'unit_editor', unitId: defaultUnitId, isActive: true };

  const submit = async (values: UserFormValues) => {
    await run(async () => {
      let saved: User;
      if (user) {
        saved = await api.updateUser(user.id, {
          displayName: values.displayName.trim(),
          role: values.role as UserUpdateBody['role'],
          unitId: Number(values.unitId),
          isActive: values.isActive,
          ...(values.password ? { password: values.password } : {}),
        });
        message.success(t('common.saved'));
      } else {
        saved = await api.createUser({
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          role: values.role as UserCreateBody['role'],
          unitId: Number(values.unitId),
          password: values.password ?? '',
        });
        message.success(t('users.created'));
      }
      onSaved(saved);
    });
  };

  const required = (label: string) => ({ required: true, whitespace: true, message: t('common.required', { label }) });

  return (
    <Modal
      open
      title={user ? t('users.editTitle') : t('users.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        requiredMark={false}
        data-testid="user-form"
        autoComplete="off"
      >
        <Form.Item name="username" label={t('users.username')} rules={user ? [] : [required(t('users.username'))]}>
          <Input disabled={Boolean(user)} maxLength={40} autoComplete="off" data-testid="user-form-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[required(t('users.displayName'))]}>
          <Input maxLength={60} data-testid="user-form-display-name" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('users.role')}
          rules={[{ required: true, message: t('common.required', { label: t('users.role') }) }]}
        >
          <Select
            data-testid="user-form-role"
            options={ROLES.filter((role) => session.grantableRoles.includes(role) || role === user?.role).map(
              (role) => ({ value: role, label: roleLabel(role) }),
            )}
          />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('users.unit')}
          rules={[{ required: true, message: t('common.required', { label: t('users.unit') }) }]}
        >
          <UnitTreeSelect roots={roots} data-testid="user-form-unit" />
        </Form.Item>
        <Form.Item
          name="password"
          label={user ? t('users.newPassword') : t('users.password')}
          extra={<PasswordStrength password={password} username={user?.username ?? username} />}
          rules={[
            ...(user ? [] : [{ required: true, message: t('common.required', { label: t('users.password') }) }]),
            { min: PASSWORD_MIN_LENGTH, message: t('common.passwordMin', { n: PASSWORD_MIN_LENGTH }) },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-form-password" />
        </Form.Item>
        {user && (
          <Form.Item name="isActive" label={t('users.status')} valuePropName="checked">
            <Switch
              checkedChildren={t('users.active')}
              unCheckedChildren={t('users.inactive')}
              data-testid="user-form-active"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
