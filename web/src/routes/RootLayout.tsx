// The signed-in frame around every route, and what shows instead of a page: 403, 404 or an error.
import { Button, Result } from 'antd';
import { Outlet, useLocation, useNavigate, type ErrorComponentProps } from '@tanstack/react-router';
import { errorMessage } from '../forms';
import { useI18n } from '../i18n';
import { AppLayout } from '../layout/AppLayout';
import { NAV_ITEMS } from '../features';
import { navEntryFor, visibleNavItems } from '../layout/nav';
import { useSession } from '../session';
import { ForbiddenError } from './guards';

/** Where 返回首页 leads, and where signing in leads without a return-to. */
export const HOME = '/projects';

/** The menu and header around the current page; the menu keeps the page's entry selected. */
export function RootLayout() {
  const { can } = useSession();
  const path = useLocation({ select: (location) => location.pathname });
  const items = visibleNavItems(NAV_ITEMS, can);
  return (
    <AppLayout items={items} path={navEntryFor(NAV_ITEMS, path)?.path ?? path}>
      <Outlet />
    </AppLayout>
  );
}

function BackHome() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return <Button onClick={() => void navigate({ to: HOME })}>{t('common.backHome')}</Button>;
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
