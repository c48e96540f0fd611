/**
 * A small HTTP client that behaves like the web app: it keeps cookies, and sends the CSRF token
 * from the lantern_csrf cookie on state-changing requests (unless told not to).
 */
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class ApiClient {
  private cookies = new Map<string, string>();
  constructor(
    readonly baseUrl: string,
    private readonly options: { language?: string; bearer?: string } = {},
  ) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    extra: {
      csrf?: boolean;
      headers?: Record<string, string>;
      rawBody?: string;
      formData?: FormData;
      bytes?: boolean;
    } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...extra.headers };
    if (this.options.language) headers['accept-language'] = this.options.language;
    if (this.options.bearer) headers.authorization = `Bearer ${this.options.bearer}`;
    if (body !== undefined || extra.rawBody !== undefined) headers['content-type'] ??= 'application/json';
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get('lantern_csrf');
    if (method !== 'GET' && extra.csrf !== false && csrf) headers['x-csrf-token'] = csrf;
    // A FormData body gets its multipart Content-Type, boundary included, from fetch itself.
    const res = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: extra.formData ?? extra.rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    for (const set of res.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(set)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    if (extra.bytes && res.ok)
      return { status: res.status, body: Buffer.from(await res.arrayBuffer()) as T, headers: res.headers };
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body?: unknown, extra?: { csrf?: boolean }) =>
    this.request<T>('POST', path, body ?? {}, extra);
  patch = <T = any>(path: string, body: unknown, extra?: { csrf?: boolean }) =>
    this.request<T>('PATCH', path, body, extra);
  put = <T = any>(path: string, body: unknown, extra?: { csrf?: boolean }) => this.request<T>('PUT', path, body, extra);
  delete = <T = any>(path: string, extra?: { csrf?: boolean }) => this.request<T>('DELETE', path, undefined, extra);
  /** POSTs a multipart form (Node's global FormData and Blob), as the web app uploads a file. */
  postMultipart = <T = any>(path: string, form: FormData, extra?: { csrf?: boolean }) =>
    this.request<T>('POST', path, undefined, { ...extra, formData: form });
  /** GETs a binary body (an image): the bytes when the answer is 2xx, the parsed error otherwise. */
  getBytes = (path: string) => this.request<Buffer>('GET', path, undefined, { bytes: true });

  async signIn(username: string, password: string) {
    const res = await this.post('/api/v1/session', { username, password });
    if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }
}
