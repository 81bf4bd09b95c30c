import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, send, type Output } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { RoleTags } from '../../components/RoleTags';
import { formatDateTime, isFuture } from '../../format';
import { useSession } from '../../session/SessionProvider';
import { CreateUserModal, EditUserModal, ResetPasswordModal } from './UserModals';

export type UserView = Output<'users.list'>[number];

function UserStatus({ user }: { user: UserView }) {
  const tags = [];
  if (user.disabled)
    tags.push(
      <Tag key="d" color="default">
        停用
      </Tag>,
    );
  else if (isFuture(user.lockedUntil))
    tags.push(
      <Tag key="l" color="orange">
        锁定至 {formatDateTime(user.lockedUntil).slice(5)}
      </Tag>,
    );
  else
    tags.push(
      <Tag key="n" color="green">
        正常
      </Tag>,
    );
  if (user.mustChangePassword)
    tags.push(
      <Tag key="m" color="blue">
        待改密码
      </Tag>,
    );
  return <>{tags}</>;
}

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserView } | { kind: 'reset'; user: UserView } | null;

/** 用户管理 (admin): accounts, their roles, disabling and password resets. */
export function UsersPage() {
  const { me, refreshMe } = useSession();
  const { message } = AntApp.useApp();
  const [users, setUsers] = useState<UserView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);

  const load = useCallback(async () => {
    try {
      setUsers(await send('users.list'));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const saved = async (text: string, user: UserView) => {
    setDialog(null);
    message.success(text);
    await load();
    if (user.id === me?.user.id) await refreshMe();
  };

  const toggleDisabled = async (user: UserView) => {
    try {
      await send('users.setDisabled', { id: user.id, disabled: !user.disabled });
      message.success(user.disabled ? `已启用 ${user.displayName}` : `已停用 ${user.displayName}`);
      await load();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <>
      <PageHeader
        title="用户管理"
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => void load()}>
              刷新
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
              新建用户
            </Button>
          </>
        }
      />
      {error && <Alert type="error" showIcon title={error} className="page-alert" />}
      <Table<UserView>
        size="small"
        rowKey="id"
        loading={users === null && !error}
        dataSource={users ?? []}
        pagination={false}
        className="dense-table"
        rowClassName={(u) => (u.disabled ? 'row-disabled' : '')}
        locale={users === null ? { emptyText: ' ' } : undefined}
        columns={[
          { title: '用户名', dataIndex: 'username', width: 140 },
          { title: '姓名', dataIndex: 'displayName', width: 140 },
          { title: '角色', dataIndex: 'roles', render: (_v, u) => <RoleTags roles={u.roles} /> },
          { title: '状态', key: 'status', width: 200, render: (_v, u) => <UserStatus user={u} /> },
          { title: '最近登录', dataIndex: 'lastLoginAt', width: 150, render: (v: string | null) => formatDateTime(v) },
          {
            title: '操作',
            key: 'actions',
            width: 210,
            render: (_v, u) => {
              const self = u.id === me?.user.id;
              return (
                <Space size={0} className="row-actions">
                  <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', user: u })}>
                    编辑
                  </Button>
                  <Button type="link" size="small" onClick={() => setDialog({ kind: 'reset', user: u })}>
                    重置密码
                  </Button>
                  {self ? (
                    <Typography.Text type="secondary" className="row-action-note">
                      本人
                    </Typography.Text>
                  ) : (
                    <Popconfirm
                      title={u.disabled ? `启用 ${u.displayName}？` : `停用 ${u.displayName}？`}
                      description={u.disabled ? '启用后该用户可以重新登录。' : '停用后该用户立即退出，且不能再登录。'}
                      okText={u.disabled ? '启用' : '停用'}
                      okButtonProps={{ danger: !u.disabled, autoFocus: true }}
                      cancelText="取消"
                      onConfirm={() => toggleDisabled(u)}
                    >
                      <Button type="link" size="small" danger={!u.disabled}>
                        {u.disabled ? '启用' : '停用'}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      <CreateUserModal
        open={dialog?.kind === 'create'}
        onClose={() => setDialog(null)}
        onSaved={(u) => saved(`已新建用户 ${u.displayName}`, u)}
      />
      <EditUserModal
        user={dialog?.kind === 'edit' ? dialog.user : null}
        onClose={() => setDialog(null)}
        onSaved={(u) => saved(`已保存 ${u.displayName}`, u)}
      />
      <ResetPasswordModal
        user={dialog?.kind === 'reset' ? dialog.user : null}
        onClose={() => setDialog(null)}
        onSaved={(u) => saved(`已重置 ${u.displayName} 的密码，其下次登录须修改密码`, u)}
      />
    </>
  );
}
