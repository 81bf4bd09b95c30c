import { LockOutlined, LogoutOutlined, QuestionCircleOutlined, UserOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Layout, Menu, Space, Tooltip, type MenuProps } from 'antd';
import { useEffect, useMemo } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { canFile, canReadCases, canViewCases } from '../cases/access';
import { useScanner } from '../cases/useScanner';
import { useSession } from '../session/SessionProvider';
import { GlobalSearch, useOpenByCode } from './GlobalSearch';
import { isModalOpen } from './keyboard';
import { NAVIGATION, selectedKey, visibleNavigation, type NavEntry } from './navigation';
import { RoleTags } from './RoleTags';
import { HelpDrawer, useHelp } from '../help/HelpDrawer';

type MenuItem = Required<MenuProps>['items'][number];

function toMenuItems(entries: readonly NavEntry[]): MenuItem[] {
  return entries.map((e) =>
    e.children
      ? { key: e.key, label: e.label, icon: e.icon, children: toMenuItems(e.children) }
      : { key: e.key, label: e.label, icon: e.icon },
  );
}

/** Header with court and user, a side menu of what the roles allow, and the page. */
export function MainLayout() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = AntApp.useApp();
  const me = session.me!;
  const entries = useMemo(() => visibleNavigation(NAVIGATION, me.user.roles), [me.user.roles]);
  const items = useMemo(() => toMenuItems(entries), [entries]);
  const groups = entries.filter((e) => e.children).map((e) => e.key);
  const selected = selectedKey(entries, location.pathname);
  const readsCases = canReadCases(me.user.roles);
  const files = canFile(me.user.roles);
  const openByCode = useOpenByCode();
  const help = useHelp();

  // a USB scanner typing a case code anywhere opens the case
  useScanner((code) => void openByCode(code), readsCases);

  // F2: a new filing from anywhere
  useEffect(() => {
    if (!files) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F2' && !e.ctrlKey && !e.altKey && !e.metaKey && !isModalOpen()) {
        e.preventDefault();
        navigate('/cases/new');
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [files, navigate]);

  return (
    <Layout className="main-layout">
      <a
        className="skip-link"
        href="#main-content"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main-content')?.focus();
        }}
      >
        跳到主要内容
      </a>
      <Layout.Header className="main-header">
        <div className="main-brand">
          <span className="main-brand-app">诉服台</span>
          <span className="main-brand-court" data-testid="header-court">
            {me.court.name}
          </span>
        </div>
        {canViewCases(me.user.roles) && <GlobalSearch />}
        <Space size={12} className="main-user">
          <span className="main-user-name" data-testid="header-user">
            <UserOutlined /> {me.user.displayName}
          </span>
          <span className="main-user-roles">
            <RoleTags roles={me.user.roles} />
          </span>
          <Tooltip title="本页的使用说明（F1）">
            <Button type="text" className="header-button" icon={<QuestionCircleOutlined />} onClick={help.show}>
              帮助
            </Button>
          </Tooltip>
          <Tooltip title="修改本人密码">
            <Button type="text" className="header-button" icon={<LockOutlined />} onClick={() => navigate('/change-password')}>
              修改密码
            </Button>
          </Tooltip>
          <Button
            type="text"
            className="header-button"
            icon={<LogoutOutlined />}
            onClick={() => {
              message.destroy();
              void session.signOut();
            }}
          >
            退出
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" className="main-sider">
          <nav aria-label="主菜单">
            <Menu
              mode="inline"
              items={items}
              selectedKeys={selected ? [selected] : []}
              defaultOpenKeys={groups}
              onClick={({ key }) => navigate(key)}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content className="main-content" id="main-content" tabIndex={-1}>
          <Outlet />
        </Layout.Content>
        <HelpDrawer open={help.open} onClose={help.close} />
      </Layout>
    </Layout>
  );
}
