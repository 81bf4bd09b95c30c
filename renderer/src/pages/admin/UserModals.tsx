import { Checkbox, Form, Input } from 'antd';
import { useRef } from 'react';
import { send } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { PASSWORD_HINT } from '../../components/passwordRules';
import { ROLE_KEYS, roleLabel, type Role } from '../../labels';
import type { UserView } from './UsersPage';

/** The last user a dialog was opened for, so its title stays put while it closes. */
function useLastUser(user: UserView | null): UserView | null {
  const last = useRef<UserView | null>(user);
  if (user) last.current = user;
  return last.current;
}

const ROLE_OPTIONS = ROLE_KEYS.map((r) => ({ value: r, label: roleLabel(r) }));

function RolesField() {
  return (
    <Form.Item label="角色" name="roles" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个角色' }]}>
      <Checkbox.Group options={ROLE_OPTIONS} className="role-checkboxes" />
    </Form.Item>
  );
}

interface CreateValues {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
}

export function CreateUserModal({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (u: UserView) => Promise<void>;
}) {
  const [form] = Form.useForm<CreateValues>();
  return (
    <FormModal<CreateValues>
      open={open}
      title="新建用户"
      okText="新建"
      form={form}
      initialValues={{ roles: [] }}
      onClose={onClose}
      onSubmit={async (v) => onSaved(await send('users.create', v))}
    >
      <Form.Item
        label="用户名"
        name="username"
        extra="以字母开头，2–32 位字母、数字、下划线、点或横线"
        rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}
      >
        <Input autoComplete="off" maxLength={32} />
      </Form.Item>
      <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item
        label="初始密码"
        name="password"
        extra={`${PASSWORD_HINT}。用户首次登录后可自行修改`}
        rules={[{ required: true, message: '请填写初始密码' }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <RolesField />
    </FormModal>
  );
}

interface EditValues {
  displayName: string;
  roles: Role[];
}

export function EditUserModal({
  user,
  onClose,
  onSaved,
}: {
  user: UserView | null;
  onClose: () => void;
  onSaved: (u: UserView) => Promise<void>;
}) {
  const [form] = Form.useForm<EditValues>();
  const shown = useLastUser(user);
  return (
    <FormModal<EditValues>
      open={user !== null}
      title={shown ? `编辑用户：${shown.username}` : '编辑用户'}
      form={form}
      initialValues={user ? { displayName: user.displayName, roles: user.roles } : {}}
      onClose={onClose}
      onSubmit={async (v) => {
        if (user) await onSaved(await send('users.update', { id: user.id, displayName: v.displayName, roles: v.roles }));
      }}
    >
      <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
        <Input maxLength={40} />
      </Form.Item>
      <RolesField />
    </FormModal>
  );
}

interface ResetValues {
  newPassword: string;
}

export function ResetPasswordModal({
  user,
  onClose,
  onSaved,
}: {
  user: UserView | null;
  onClose: () => void;
  onSaved: (u: UserView) => Promise<void>;
}) {
  const [form] = Form.useForm<ResetValues>();
  const shown = useLastUser(user);
  return (
    <FormModal<ResetValues>
      open={user !== null}
      title={shown ? `重置密码：${shown.displayName}（${shown.username}）` : '重置密码'}
      okText="重置"
      form={form}
      onClose={onClose}
      onSubmit={async (v) => {
        if (user) await onSaved(await send('users.resetPassword', { id: user.id, newPassword: v.newPassword }));
      }}
    >
      <p className="modal-note">重置后该用户的现有登录立即失效、锁定解除；下次登录须先修改密码。请将临时密码当面告知本人。</p>
      <Form.Item label="临时密码" name="newPassword" extra={PASSWORD_HINT} rules={[{ required: true, message: '请填写临时密码' }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
