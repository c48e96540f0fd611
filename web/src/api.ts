// The HTTP client for the API (conventions in docs/API.md, operations in /api/docs): JSON in and out, the session cookie, the CSRF header on
// writes, the chosen language, and one error type carrying the server's code, message and field.
import { translate, type Lang } from './i18n';
import type { Me } from '../../src/contract/common';
import type { z } from 'zod';
import type { AuditEvent, AuditResponse, auditQuery } from '../../src/contract/audit';
import type { MeResponse, SignedIn, SignInBody } from '../../src/contract/session';
import type {
  DemoAccount,
  DemoLoaded,
  Region,
  RegionsResponse,
  SetupBody,
  SetupDone,
  SetupStatus,
} from '../../src/contract/setup';
import type { ApiToken, CreatedToken, TokenListResponse, tokenCreateBody } from '../../src/contract/tokens';
import type { Unit, UnitCreateBody, UnitListResponse, UnitUpdateBody } from '../../src/contract/units';
import type { User, UserCreateBody, UserListResponse, UserUpdateBody } from '../../src/contract/users';

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
export type { SetupBody, SignInBody, UnitCreateBody, UnitUpdateBody, UserCreateBody, UserUpdateBody };
/**
 * The query of GET /audit: a filter, paging by `page`/`pageSize` (or by the cursor of the next page as
 * the last page gave it), and `includeSignIns` as the query string writes it.
 */
export type AuditParams = Partial<Omit<z.output<typeof auditQuery>, 'cursor' | 'includeSignIns'>> & {
  cursor?: AuditResponse['nextCursor'] & string;
  includeSignIns?: 'true';
};

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

/** Whether this browser holds a session's CSRF cookie: the person was signed in here (the session may have ended since). */
export function holdsSession(): boolean {
  return readCookie('lantern_csrf') !== null;
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

/** The file name a download's Content-Disposition gives (its UTF-8 name first), else `fallback`. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (utf8) return decodeURIComponent(utf8[1]!);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * Downloads a file from /api/v1 in the page's language (a plain link would send the browser's): an error
 * comes back as an ApiError with the server's message, the file is saved under the name it was given.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      headers: { 'Accept-Language': state.lang },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', translate(state.lang, 'common.networkError'));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as
      { error?: { code?: string; message?: string; field?: string } } | undefined;
    throw new ApiError(
      response.status,
      body?.error?.code ?? `HTTP_${response.status}`,
      body?.error?.message ?? `${response.status} ${response.statusText}`,
      body?.error?.field ?? undefined,
    );
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; free the blob afterwards.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The setup, session, unit, user, audit and token operations (/api/docs), one function each. */
export const api = {
  getSetup: () => request<SetupStatus>('GET', '/setup'),
  loadDemo: () => request<DemoLoaded>('POST', '/setup/demo', {}),
  searchRegions: (q: string) => request<RegionsResponse>('GET', `/regions${query({ q })}`),
  runSetup: (body: SetupBody) => request<SetupDone>('POST', '/setup', body),

  signIn: (body: SignInBody) => request<SignedIn>('POST', '/session', body),
  signOut: () => request<void>('DELETE', '/session'),
  me: () => request<MeResponse>('GET', '/me'),

  listUnits: () => request<UnitListResponse>('GET', '/units'),
  createUnit: (body: UnitCreateBody) => request<Unit>('POST', '/units', body),
  updateUnit: (id: Id, body: UnitUpdateBody) =>
    request<Unit>('PATCH', `/units/${encodeURIComponent(String(id))}`, body),
  deleteUnit: (id: Id) => request<void>('DELETE', `/units/${encodeURIComponent(String(id))}`),

  listUsers: (params: { unitId?: Id; q?: string }) => request<UserListResponse>('GET', `/users${query(params)}`),
  createUser: (body: UserCreateBody) => request<User>('POST', '/users', body),
  updateUser: (id: Id, body: UserUpdateBody) =>
    request<User>('PATCH', `/users/${encodeURIComponent(String(id))}`, body),

  listAudit: (params: AuditParams) => request<AuditResponse>('GET', `/audit${query(params)}`),

  listTokens: () => request<TokenListResponse>('GET', '/tokens'),
  createToken: (body: z.input<typeof tokenCreateBody>) => request<CreatedToken>('POST', '/tokens', body),
  revokeToken: (id: Id) => request<void>('DELETE', `/tokens/${encodeURIComponent(String(id))}`),
};
