import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Button, Result, Spin } from 'antd';
import { RouterProvider } from '@tanstack/react-router';
import { api, ApiError, holdsSession, setCsrfToken, setUnauthenticatedHandler, type MeResponse } from './api';
import { errorMessage } from './forms';
import { useI18n } from './i18n';
import { queryClient } from './queries/client';
import { setupQuery } from './queries/setup';
import { unitsQuery } from './queries/units';
import { noticesQuery } from './features/work/queries';
import { inboxQuery } from './features/tickets/queries';
import { router } from './router';
import { homeOf } from '../../src/domain/access/workspaces';
import { setCountyToday } from './today';
import { rememberedCan, rememberPermissions, SessionContext, type Session } from './session';

// Signing in and the first-run setup are pages of their own, downloaded only when shown.
const LoginPage = lazy(() => import('./pages/LoginPage').then((m) => ({ default: m.LoginPage })));
const SetupPage = lazy(() => import('./pages/SetupPage').then((m) => ({ default: m.SetupPage })));

type Phase =
  | { name: 'loading' }
  | { name: 'error'; message: string }
  | { name: 'setup' }
  | { name: 'signedOut' }
  | { name: 'signedIn'; data: MeResponse };

const PUBLIC_PATHS = new Set(['/', '/login', '/setup']);

const subscribeToHistory = (listener: () => void) => router.history.subscribe(listener);
const currentPath = () => router.history.location.pathname;

/** Sends the address bar elsewhere without a history entry (the router follows once it runs). */
const replacePath = (path: string) => {
  if (router.history.location.pathname !== path) router.history.replace(path);
};

/** Starts downloading the code of the page at `pathname` (nothing for the public paths or an unknown one). */
function preloadPage(pathname: string) {
  if (PUBLIC_PATHS.has(pathname)) return;
  for (const route of router.getMatchedRoutes(pathname)[0]) void router.loadRouteChunk(route)?.catch(() => undefined);
}

/**
 * When the browser holds a session, the page's figures and the shell's (units, notices, the inbox) are asked for
 * beside /me rather than after it: one round trip instead of three on a phone. Each route's loader only fills the
 * query cache, for what the last person signed in here could do (a loader needing the session skips when
 * nothing is remembered); the guards still run once /me has answered, and a session that has ended answers
 * 401 here as it does to /me.
 */
function prefetchPageData() {
  if (!holdsSession()) return;
  const { pathname, search } = router.history.location;
  if (PUBLIC_PATHS.has(pathname)) return;
  const can = rememberedCan();
  void queryClient.prefetchQuery(unitsQuery);
  void queryClient.prefetchQuery(noticesQuery);
  void queryClient.prefetchQuery(inboxQuery);
  try {
    for (const match of router.matchRoutes(pathname, router.options.parseSearch(search))) {
      const loader = router.routesById[match.routeId as keyof typeof router.routesById]?.options.loader as
        | ((args: { deps: unknown; params: unknown; context: { session: Pick<Session, 'can'> | null } }) => unknown)
        | undefined;
      void loader?.({ deps: match.loaderDeps, params: match.params, context: { session: can ? { can } : null } });
    }
  } catch {
    // An address the routes do not take: the router says so once it runs.
  }
}

/**
 * Decides between setup, sign-in and the app, and keeps the address bar in step; once signed in,
 * the router renders the page (routes/tree.tsx) with the session as its guards' context.
 */
export function App() {
  const { t } = useI18n();
  const path = useSyncExternalStore(subscribeToHistory, currentPath);
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });
  // Where a signed-out visitor wanted to go, so that signing in brings them there.
  const returnTo = useRef<string | null>(null);
  const signedOutByUser = useRef(false);

  /** The phase the answer to /me means. */
  const settleMe = useCallback(async (asked: Promise<MeResponse>) => {
    try {
      const data = await asked;
      setCsrfToken(data.csrfToken);
      rememberPermissions(data.permissions);
      setCountyToday(data.today);
      setPhase({ name: 'signedIn', data });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setPhase({ name: 'signedOut' });
      else setPhase({ name: 'error', message: errorMessage(error) });
    }
  }, []);
  const loadMe = useCallback(() => settleMe(api.me()), [settleMe]);

  const start = useCallback(async () => {
    setPhase({ name: 'loading' });
    // On a slow network each round trip counts: the session is asked for beside the setup status, and
    // the page the address names starts downloading meanwhile (its guards still run once signed in).
    const me = api.me();
    me.catch(() => undefined);
    preloadPage(router.history.location.pathname);
    prefetchPageData();
    try {
      // Into the shared cache: the demo banner and the sign-in page's accounts read the same answer.
      const setup = await queryClient.fetchQuery(setupQuery);
      if (!setup.done) {
        setPhase({ name: 'setup' });
        return;
      }
    } catch (error) {
      setPhase({ name: 'error', message: errorMessage(error) });
      return;
    }
    await settleMe(me);
  }, [settleMe]);

  useEffect(() => {
    void start();
  }, [start]);

  // Setting up or loading the demo county changes what the setup status says.
  const afterSetup = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: setupQuery.queryKey });
    await loadMe();
  }, [loadMe]);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      setPhase({ name: 'signedOut' });
    });
    return () => setUnauthenticatedHandler(null);
  }, []);

  const role = phase.name === 'signedIn' ? phase.data.user.role : null;
  useEffect(() => {
    if (phase.name === 'setup') replacePath('/setup');
    if (phase.name === 'signedOut' && path !== '/login') {
      if (!PUBLIC_PATHS.has(path) && !signedOutByUser.current) returnTo.current = path;
      signedOutByUser.current = false;
      replacePath('/login');
    }
    if (role && PUBLIC_PATHS.has(path)) {
      const target = returnTo.current ?? homeOf(role);
      returnTo.current = null;
      router.history.replace(target);
    }
  }, [phase.name, path, role]);

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } catch {
      // Signed out already or offline: the page still forgets the session.
    }
    setCsrfToken(null);
    rememberPermissions(null);
    // The next person to sign in on this browser must not see this one's cached answers.
    queryClient.clear();
    returnTo.current = null;
    signedOutByUser.current = true;
    setPhase({ name: 'signedOut' });
  }, []);

  const session = useMemo<Session | null>(() => {
    if (phase.name !== 'signedIn') return null;
    const { user, permissions, grantableRoles } = phase.data;
    return { me: user, permissions, grantableRoles, can: (p) => permissions.includes(p), refresh: loadMe, signOut };
  }, [phase, loadMe, signOut]);

  // Guards read the session: when it changes (a refreshed /me), the current route is checked again.
  const guardedOnce = useRef(false);
  useEffect(() => {
    if (!session) return;
    if (guardedOnce.current) void router.invalidate();
    guardedOnce.current = true;
  }, [session]);

  const loading = (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }} data-testid="app-loading">
      <Spin size="large" />
    </div>
  );
  if (phase.name === 'loading') return loading;
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
  if (phase.name === 'setup') {
    return (
      <Suspense fallback={loading}>
        <SetupPage onDone={afterSetup} />
      </Suspense>
    );
  }
  if (phase.name === 'signedOut' || !session) {
    return (
      <Suspense fallback={loading}>
        <LoginPage onSignedIn={loadMe} />
      </Suspense>
    );
  }

  return (
    <SessionContext.Provider value={session}>
      <RouterProvider router={router} context={{ session }} />
    </SessionContext.Provider>
  );
}
