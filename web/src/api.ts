// The HTTP client for the API (conventions in docs/API.md, operations in /api/docs): JSON in and out, the session cookie, the CSRF header on
// writes, the chosen language, and one error type carrying the server's code, message and field.
import { translate, type Lang } from './i18n';
import type { Me } from '../../src/contract/common';
import type { AuditEvent, AuditResponse } from '../../src/contract/audit';
import type { MeResponse, SignedIn } from '../../src/contract/session';
import type {
  DemoAccount,
  DemoLoaded,
  Region,
  RegionsResponse,
  SetupDone,
  SetupStatus,
} from '../../src/contract/setup';
import type { ApiToken, CreatedToken, TokenListResponse } from '../../src/contract/tokens';
import type { Unit, UnitListResponse } from '../../src/contract/units';
import type { User, UserListResponse } from '../../src/contract/users';

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

export type { Me, User, Unit, Region, AuditEvent, ApiToken, MeResponse, DemoAccount, SetupStatus };

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

/** The setup, session, unit, user, audit and token operations (/api/docs), one function each. */
export const api = {
  getSetup: () => request<SetupStatus>('GET', '/setup'),
  loadDemo: () => request<DemoLoaded>('POST', '/setup/demo', {}),
  searchRegions: (q: string) => request<RegionsResponse>('GET', `/regions${query({ q })}`),
  runSetup: (body: { regionCode: string; username: string; password: string; displayName: string }) =>
    request<SetupDone>('POST', '/setup', body),

  signIn: (body: { username: string; password: string }) => request<SignedIn>('POST', '/session', body),
  signOut: () => request<void>('DELETE', '/session'),
  me: () => request<MeResponse>('GET', '/me'),

  listUnits: () => request<UnitListResponse>('GET', '/units'),
  createUnit: (body: { parentId: Id; name: string; kind: string; regionCode?: string }) =>
    request<Unit>('POST', '/units', body),
  updateUnit: (id: Id, body: { name?: string; kind?: string; parentId?: Id; sortOrder?: number }) =>
    request<Unit>('PATCH', `/units/${encodeURIComponent(String(id))}`, body),
  deleteUnit: (id: Id) => request<void>('DELETE', `/units/${encodeURIComponent(String(id))}`),

  listUsers: (params: { unitId?: Id; q?: string }) => request<UserListResponse>('GET', `/users${query(params)}`),
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
  }) => request<AuditResponse>('GET', `/audit${query(params)}`),

  listTokens: () => request<TokenListResponse>('GET', '/tokens'),
  createToken: (name: string) => request<CreatedToken>('POST', '/tokens', { name }),
  revokeToken: (id: Id) => request<void>('DELETE', `/tokens/${encodeURIComponent(String(id))}`),
};
