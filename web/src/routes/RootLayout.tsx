// The signed-in frame around every route, and what shows instead of a page: 403, 404 or an error.
import { Button, Result } from 'antd';
import { Outlet, useLocation, useNavigate, type ErrorComponentProps } from '@tanstack/react-router';
import { errorMessage } from '../forms';
import { useI18n } from '../i18n';
import { AppLayout } from '../layout/AppLayout';
import { NAV_ITEMS } from '../features';
import { navEntryFor, visibleNavItems } from '../layout/nav';
import { useSession } from '../session';
import { homeOf } from '../../../src/domain/access/workspaces';
import { ForbiddenError } from './guards';

/** The menu and header around the current page: the menu the role works with, the page's entry selected. */
export function RootLayout() {
  const { can, me } = useSession();
  const path = useLocation({ select: (location) => location.pathname });
  const items = visibleNavItems(NAV_ITEMS, can, me.role);
  return (
    <AppLayout items={items} path={navEntryFor(NAV_ITEMS, path)?.path ?? path}>
      <Outlet />
    </AppLayout>
  );
}

/** 返回首页: to the signed-in role's own home. */
function BackHome() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { me } = useSession();
  return <Button onClick={() => void navigate({ href: homeOf(me.role) })}>{t('common.backHome')}</Button>;
}

/** 404: no route matches the path, or its id is not a number. */
export function RootNotFound() {
  const { t } = useI18n();
  return <Result status="404" title={t('common.notFound')} extra={<BackHome />} />;
}

/** 403 when a guard refused the page; any other error thrown while loading a route shows its message. */
export function RootError({ error }: ErrorComponentProps) {
  const { t } = useI18n();
  if (error instanceof ForbiddenError) {
    return <Result status="403" title={t('common.forbidden')} extra={<BackHome />} />;
  }
  return <Result status="error" title={errorMessage(error)} extra={<BackHome />} />;
}
