// The HTTP client for docs/API.md: JSON in and out, the session cookie, the CSRF header on
// writes, the chosen language, and one error type carrying the server's code, message and field.
import { translate, type Lang } from './i18n';

/** An error answered by the server (or status 0 when the network failed). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Ids are opaque: compared, never parsed (the contract does not say string or number). */
export type Id = string | number;

export interface Me {
  id: Id;
  username: string;
  displayName: string;
  role: string;
  unitId: Id | null;
  unitName: string | null;
  locale?: string | null;
}

export interface User {
  id: Id;
  username: string;
  displayName: string;
  role: string;
  unitId: Id | null;
  unitName: string | null;
  isActive: boolean;
  createdAt: string;
}

export interface Unit {
  id: Id;
  parentId: Id | null;
  name: string;
  kind: string;
  regionCode: string | null;
  depth: number;
  sortOrder: number;
  childCount: number;
  userCount: number;
}

export interface Region {
  code: string;
  name: string;
  city?: string | null;
  province?: string | null;
}

export interface AuditEvent {
  id: Id;
  at: string;
  actorId: Id | null;
  actorName: string | null;
  action: string;
  objectType: string;
  objectId: Id | null;
  summary: string | null;
  before: unknown;
  after: unknown;
}

export interface ApiToken {
  id: Id;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface MeResponse {
  user: Me;
  csrfToken: string;
  permissions: string[];
  /** Roles this user may give others (a unit editor: editors and enterprises only). */
  grantableRoles: string[];
}

const state: { lang: Lang; csrfToken: string | null; onUnauthenticated: (() => void) | null } = {
  lang: 'zh-CN',
  csrfToken: null,
  onUnauthenticated: null,
};

/** Sets the language sent as Accept-Language, so server messages come back in it. */
export function setApiLanguage(lang: Lang): void {
  state.lang = lang;
}

/** Remembers the csrfToken returned by POST /session and GET /me (used when the cookie is unreadable). */
export function setCsrfToken(token: string | null | undefined): void {
  state.csrfToken = token ?? null;
}

/** Called when a request made inside the app answers 401 UNAUTHENTICATED (the session expired). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  state.onUnauthenticated = handler;
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, Id | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Sends one request to /api/v1 and returns the parsed JSON body (undefined for 204). A FormData body
 * (a file upload) goes as multipart, with the Content-Type and boundary the browser sets.
 */
export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': state.lang };
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = readCookie('lantern_csrf') ?? state.csrfToken;
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', translate(state.lang, 'common.networkError'));
  }
  const text = response.status === 204 ? '' : await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; field?: string } } | undefined)?.error;
    const apiError = new ApiError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      error?.message ?? `${response.status} ${response.statusText}`,
      error?.field ?? undefined,
    );
    if (apiError.code === 'UNAUTHENTICATED' && path !== '/me') state.onUnauthenticated?.();
    throw apiError;
  }
  return data as T;
}

export interface DemoAccount {
  username: string;
  role: string;
  unitName: string;
  displayName: string;
}

/** GET /setup: whether first-run setup is done, and on a demo instance its accounts and password. */
export interface SetupStatus {
  done: boolean;
  regionName?: string;
  demo?: { password: string; accounts: DemoAccount[] };
}

/** The endpoints of docs/API.md, one function each. */
export const api = {
  getSetup: () => request<SetupStatus>('GET', '/setup'),
  loadDemo: () => request<{ units: number; users: number; projects: number }>('POST', '/setup/demo', {}),
  searchRegions: (q: string) => request<{ items: Region[] }>('GET', `/regions${query({ q })}`),
  runSetup: (body: { regionCode: string; username: string; password: string; displayName: string }) =>
    request<{ user: User; unitCount: number }>('POST', '/setup', body),

  signIn: (body: { username: string; password: string }) =>
    request<{ user: Me; csrfToken: string }>('POST', '/session', body),
  signOut: () => request<void>('DELETE', '/session'),
  me: () => request<MeResponse>('GET', '/me'),

  listUnits: () => request<{ items: Unit[] }>('GET', '/units'),
  createUnit: (body: { parentId: Id; name: string; kind: string; regionCode?: string }) =>
    request<Unit>('POST', '/units', body),
  updateUnit: (id: Id, body: { name?: string; kind?: string; parentId?: Id; sortOrder?: number }) =>
    request<Unit>('PATCH', `/units/${encodeURIComponent(String(id))}`, body),
  deleteUnit: (id: Id) => request<void>('DELETE', `/units/${encodeURIComponent(String(id))}`),

  listUsers: (params: { unitId?: Id; q?: string }) => request<{ items: User[] }>('GET', `/users${query(params)}`),
  createUser: (body: { username: string; displayName: string; password: string; role: string; unitId: Id }) =>
    request<User>('POST', '/users', body),
  updateUser: (
    id: Id,
    body: { displayName?: string; role?: string; unitId?: Id; isActive?: boolean; password?: string },
  ) => request<User>('PATCH', `/users/${encodeURIComponent(String(id))}`, body),

  listAudit: (params: {
    objectType?: string;
    objectId?: string;
    userId?: Id;
    from?: string;
    to?: string;
    cursor?: string;
    limit?: number;
  }) => request<{ items: AuditEvent[]; nextCursor: string | null }>('GET', `/audit${query(params)}`),

  listTokens: () => request<{ items: ApiToken[] }>('GET', '/tokens'),
  createToken: (name: string) => request<{ id: Id; name: string; token: string }>('POST', '/tokens', { name }),
  revokeToken: (id: Id) => request<void>('DELETE', `/tokens/${encodeURIComponent(String(id))}`),
};
