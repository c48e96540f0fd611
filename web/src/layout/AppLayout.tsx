import { useState, type ReactNode } from 'react';
import { Button, Drawer, Grid, Layout, Menu, Tag, Tooltip, Typography } from 'antd';
import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Brand } from '../components/Brand';
import { LangSwitch } from '../components/LangSwitch';
import { useI18n } from '../i18n';
import { useNavigate } from '@tanstack/react-router';
import { useSession } from '../session';
import { NAVY } from '../theme';
import type { NavItem } from './nav';
import { DemoBanner } from '../components/DemoBanner';
import { NoticeBar } from '../components/NoticeBar';
import { InboxBadge } from '../components/InboxBadge';
import { UserMenu } from './UserMenu';

const { Header, Sider, Content } = Layout;

/** The signed-in frame: a side menu on desktop, a drawer behind a hamburger below 768px. */
export function AppLayout({ items, path, children }: { items: NavItem[]; path: string; children: ReactNode }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const navigate = useNavigate();

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      data-testid="nav-menu"
      selectedKeys={[path]}
      items={items.map((item) => ({ key: item.path, icon: item.icon, label: t(item.label) }))}
      onClick={({ key }) => {
        setDrawerOpen(false);
        void navigate({ href: key });
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isPhone && (
        <Sider width={220} style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}>
          <div style={{ padding: '14px 16px', borderBottom: '1px solid rgba(255,255,255,0.08)' }}>
            <Brand dark />
          </div>
          {menu}
        </Sider>
      )}
      {isPhone && (
        <Drawer
          placement="left"
          size={260}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          closable={false}
          data-testid="nav-drawer"
          styles={{ body: { padding: 0, background: NAVY }, header: { display: 'none' } }}
        >
          <div style={{ padding: '14px 16px', borderBottom: '1px solid rgba(255,255,255,0.08)' }}>
            <Brand dark />
          </div>
          <UserSummary dark />
          {menu}
        </Drawer>
      )}
      <Layout>
        <Header
          data-testid="app-header"
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            display: 'flex',
            alignItems: 'center',
            // A phone's header holds the menu, the brand and five buttons in 390 px: tighter, and the brand gives way.
            gap: isPhone ? 4 : 12,
            paddingInline: isPhone ? 8 : undefined,
            borderBottom: '1px solid #e5e8ef',
            boxShadow: '0 1px 4px rgba(15,42,74,0.06)',
          }}
        >
          {isPhone && (
            <>
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('nav.menu')}
                data-testid="nav-toggle"
                onClick={() => setDrawerOpen(true)}
              />
              <div style={{ flex: 1, minWidth: 0, overflow: 'hidden' }}>
                <Brand compact />
              </div>
            </>
          )}
          {!isPhone && <div style={{ flex: 1 }} />}
          {!isPhone && <UserSummary />}
          <InboxBadge />
          <UserMenu />
          <LangSwitch />
          <SignOutButton iconOnly={isPhone} />
        </Header>
        <DemoBanner />
        <Content style={{ padding: isPhone ? 12 : 24, minWidth: 0 }}>
          <NoticeBar />
          {children}
        </Content>
      </Layout>
    </Layout>
  );
}

/** Display name, role and unit of the signed-in user. */
function UserSummary({ dark = false }: { dark?: boolean }) {
  const { me } = useSession();
  const { roleLabel } = useI18n();
  const textColor = dark ? '#ffffff' : undefined;
  return (
    <div
      data-testid="current-user"
      style={
        dark
          ? { padding: '12px 16px', borderBottom: '1px solid rgba(255,255,255,0.08)', color: textColor }
          : { display: 'flex', alignItems: 'center', gap: 8, minWidth: 0 }
      }
    >
      <span
        style={{
          display: dark ? 'flex' : 'inline-flex',
          alignItems: 'center',
          gap: 6,
          color: textColor,
          fontWeight: 500,
        }}
      >
        <UserOutlined />
        <span data-testid="current-user-name">{me.displayName}</span>
      </span>
      <span
        style={{
          display: dark ? 'flex' : 'inline-flex',
          alignItems: 'center',
          gap: 6,
          marginTop: dark ? 6 : 0,
          flexWrap: 'wrap',
        }}
      >
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          {roleLabel(me.role)}
        </Tag>
        {me.unitName && (
          <Typography.Text
            type={dark ? undefined : 'secondary'}
            style={{ color: dark ? 'rgba(255,255,255,0.75)' : undefined }}
          >
            {me.unitName}
          </Typography.Text>
        )}
      </span>
    </div>
  );
}

function SignOutButton({ iconOnly }: { iconOnly: boolean }) {
  const { signOut } = useSession();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    await signOut();
  };
  const button = (
    <Button
      icon={<LogoutOutlined />}
      loading={busy}
      onClick={() => void onClick()}
      data-testid="logout"
      aria-label={t('nav.logout')}
      type={iconOnly ? 'text' : 'default'}
    >
      {iconOnly ? null : t('nav.logout')}
    </Button>
  );
  return iconOnly ? <Tooltip title={t('nav.logout')}>{button}</Tooltip> : button;
}
