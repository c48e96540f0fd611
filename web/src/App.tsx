import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Result, Spin } from 'antd';
import { api, ApiError, setCsrfToken, setUnauthenticatedHandler, type MeResponse } from './api';
import { errorMessage } from './forms';
import { useI18n } from './i18n';
import { navigate, usePath } from './router';
import { SessionContext, type Session } from './session';
import { AppLayout } from './layout/AppLayout';
import { matchRoute, NAV_ITEMS, visibleNavItems } from './layout/nav';
import { LoginPage } from './pages/LoginPage';
import { SetupPage } from './pages/SetupPage';

type Phase =
  | { name: 'loading' }
  | { name: 'error'; message: string }
  | { name: 'setup' }
  | { name: 'signedOut' }
  | { name: 'signedIn'; data: MeResponse };

const HOME = '/projects';
const PUBLIC_PATHS = new Set(['/', '/login', '/setup']);

/** Decides between setup, sign-in and the app, and keeps the address bar in step. */
export function App() {
  const { t } = useI18n();
  const path = usePath();
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });
  // Where a signed-out visitor wanted to go, so that signing in brings them there.
  const returnTo = useRef<string | null>(null);
  const signedOutByUser = useRef(false);

  const loadMe = useCallback(async () => {
    try {
      const data = await api.me();
      setCsrfToken(data.csrfToken);
      setPhase({ name: 'signedIn', data });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setPhase({ name: 'signedOut' });
      else setPhase({ name: 'error', message: errorMessage(error) });
    }
  }, []);

  const start = useCallback(async () => {
    setPhase({ name: 'loading' });
    try {
      const setup = await api.getSetup();
      if (!setup.done) {
        setPhase({ name: 'setup' });
        return;
      }
    } catch (error) {
      setPhase({ name: 'error', message: errorMessage(error) });
      return;
    }
    await loadMe();
  }, [loadMe]);

  useEffect(() => {
    void start();
  }, [start]);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      setPhase({ name: 'signedOut' });
    });
    return () => setUnauthenticatedHandler(null);
  }, []);

  useEffect(() => {
    if (phase.name === 'setup' && path !== '/setup') navigate('/setup', { replace: true });
    if (phase.name === 'signedOut' && path !== '/login') {
      if (!PUBLIC_PATHS.has(path) && !signedOutByUser.current) returnTo.current = path;
      signedOutByUser.current = false;
      navigate('/login', { replace: true });
    }
    if (phase.name === 'signedIn' && PUBLIC_PATHS.has(path)) {
      const target = returnTo.current ?? HOME;
      returnTo.current = null;
      navigate(target, { replace: true });
    }
  }, [phase.name, path]);

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } catch {
      // Signed out already or offline: the page still forgets the session.
    }
    setCsrfToken(null);
    returnTo.current = null;
    signedOutByUser.current = true;
    setPhase({ name: 'signedOut' });
  }, []);

  const session = useMemo<Session | null>(() => {
    if (phase.name !== 'signedIn') return null;
    const { user, permissions, grantableRoles } = phase.data;
    return { me: user, permissions, grantableRoles, can: (p) => permissions.includes(p), refresh: loadMe, signOut };
  }, [phase, loadMe, signOut]);

  if (phase.name === 'loading') {
    return (
      <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }} data-testid="app-loading">
        <Spin size="large" />
      </div>
    );
  }
  if (phase.name === 'error') {
    return (
      <Result
        status="error"
        title={phase.message}
        extra={
          <Button type="primary" onClick={() => void start()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (phase.name === 'setup') return <SetupPage onDone={loadMe} />;
  if (phase.name === 'signedOut' || !session) return <LoginPage onSignedIn={loadMe} />;

  const items = visibleNavItems(NAV_ITEMS, session.can);
  const match = matchRoute(NAV_ITEMS, path);
  let content;
  if (!match) {
    content = PUBLIC_PATHS.has(path) ? null : (
      <Result
        status="404"
        title={t('common.notFound')}
        extra={<Button onClick={() => navigate(HOME)}>{t('common.backHome')}</Button>}
      />
    );
  } else if (!items.includes(match.item) || (match.permission && !session.can(match.permission))) {
    content = (
      <Result
        status="403"
        title={t('common.forbidden')}
        extra={<Button onClick={() => navigate(HOME)}>{t('common.backHome')}</Button>}
      />
    );
  } else {
    const Page = match.page;
    // Keyed by path so that moving between two projects starts the page afresh.
    content = <Page key={path} params={match.params} />;
  }

  return (
    <SessionContext.Provider value={session}>
      <AppLayout items={items} path={match?.item.path ?? path}>
        {content}
      </AppLayout>
    </SessionContext.Provider>
  );
}
