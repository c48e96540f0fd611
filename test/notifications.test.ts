import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  dingtalkChannel,
  dispatchNotification,
  emailChannel,
  emailConfigFromEnv,
  memoryDeliveryLog,
  signBody,
  verifySignature,
  webhookChannel,
  type DeliveryLog,
  type Notification,
  type NotificationChannel,
  type Recipient,
} from '../src/server/notifications/index.ts';

// Every channel against a real peer on this machine: an SMTP sink, HTTP receivers. Waits between
// retries go through an injected sleep that only records them, so no test waits real time.

const notification: Notification = {
  event: 'licence.expiring',
  key: 'licence:12:30',
  title: '施工许可证即将到期',
  text: '兰江街道安置房工程的施工许可证将于 30 天后到期，请及时办理延期。\n如已办理，请忽略本通知。',
  url: 'https://xm.example.gov.cn/projects/12',
  at: new Date('2026-11-03T02:00:00Z'),
};
const recipient: Recipient = { userId: 7, displayName: '张三', email: 'zhangsan@example.gov.cn' };

/** A sleep that waits for nothing and remembers what it was asked to wait. */
function fakeSleep() {
  const calls: number[] = [];
  return { calls, sleep: async (ms: number) => void calls.push(ms) };
}

// ---------------------------------------------------------------- HTTP receiver

interface Received {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
type Answer = { status: number; body?: unknown } | 'hang';

/** An HTTP server on a free port answering each request with `answer(request, index)`. */
async function startReceiver(answer: (r: Received, index: number) => Answer) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(r);
      const a = answer(r, received.length - 1);
      if (a === 'hang') return;
      res.writeHead(a.status, { 'Content-Type': 'application/json' });
      res.end(a.body === undefined ? '' : JSON.stringify(a.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const receivers: { close(): Promise<void> }[] = [];
async function receiver(answer: (r: Received, index: number) => Answer) {
  const r = await startReceiver(answer);
  receivers.push(r);
  return r;
}
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

// ---------------------------------------------------------------- SMTP sink

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=) in a header value. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => `%${hex}`);
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
}

/** A minimal reading of a single-part message: its unfolded headers and its decoded text. */
function parseMessage(raw: string) {
  const split = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const body = raw.slice(split + 4);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : Buffer.from(body, 'binary').toString('utf8');
  return { headers, text: text.replace(/\r\n/g, '\n') };
}

describe('e-mail over SMTP', () => {
  const messages: { from: string; to: string[]; raw: string }[] = [];
  const logins: { username?: string; password?: string | null }[] = [];
  let connections = 0;
  let smtp: SMTPServer;
  let port: number;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onConnect(_session, callback) {
        connections++;
        callback();
      },
      onAuth(auth, _session, callback) {
        logins.push({ username: auth.username, password: auth.password });
        callback(null, { user: auth.username });
      },
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('nobody@')) {
          const err = Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 });
          return callback(err);
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('binary'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    port = (smtp.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

  const channel = () =>
    emailChannel({
      host: '127.0.0.1',
      port,
      secure: false,
      user: 'lantern',
      password: '口令-secret',
      from: 'Lantern <lantern@xm.example.gov.cn>',
    });

  it('delivers the title as the subject and the Chinese text with the link, in UTF-8', async () => {
    const result = await channel().send(notification, recipient);
    expect(result).toEqual({ ok: true, attempts: 1, status: 250 });
    expect(messages).toHaveLength(1);
    const [mail] = messages;
    expect(mail.from).toBe('lantern@xm.example.gov.cn');
    expect(mail.to).toEqual(['zhangsan@example.gov.cn']);
    expect(logins).toEqual([{ username: 'lantern', password: '口令-secret' }]);
    const { headers, text } = parseMessage(mail.raw);
    expect(decodeHeader(headers.get('subject') ?? '')).toBe('施工许可证即将到期');
    expect(decodeHeader(headers.get('to') ?? '')).toContain('张三');
    expect(headers.get('content-type')).toMatch(/charset=utf-8/i);
    expect(headers.get('x-lantern-delivery')).toBe('licence:12:30');
    expect(headers.get('x-lantern-event')).toBe('licence.expiring');
    expect(text.trim()).toBe(`${notification.text}\n\n${notification.url}`);
  });

  it('reports a person without an address without contacting the server', async () => {
    const before = connections;
    const result = await channel().send(notification, { ...recipient, email: null });
    expect(result).toEqual({ ok: false, attempts: 0, error: 'NO_ADDRESS' });
    expect(connections).toBe(before);
  });

  it('reports a refused recipient with the server’s reply code', async () => {
    const result = await channel().send(notification, { ...recipient, email: 'nobody@example.gov.cn' });
    expect(result).toMatchObject({ ok: false, attempts: 1, status: 550 });
    expect(result.error).toMatch(/^EENVELOPE/);
  });
});

describe('the e-mail configuration from the environment', () => {
  it('is null without a host, and read with defaults otherwise', () => {
    expect(emailConfigFromEnv({})).toBeNull();
    expect(emailConfigFromEnv({ LANTERN_SMTP_HOST: 'smtp.example.gov.cn', LANTERN_SMTP_FROM: 'a@b.cn' })).toEqual({
      host: 'smtp.example.gov.cn',
      port: 587,
      secure: false,
      user: undefined,
      password: undefined,
      from: 'a@b.cn',
    });
    expect(
      emailConfigFromEnv({
        LANTERN_SMTP_HOST: 'smtp.example.gov.cn',
        LANTERN_SMTP_SECURE: 'true',
        LANTERN_SMTP_USER: 'lantern',
        LANTERN_SMTP_PASSWORD: 'pw',
        LANTERN_SMTP_FROM: 'a@b.cn',
      }),
    ).toMatchObject({ port: 465, secure: true, user: 'lantern', password: 'pw' });
  });

  it('names the variable that is wrong', () => {
    const base = { LANTERN_SMTP_HOST: 'smtp.example.gov.cn', LANTERN_SMTP_FROM: 'a@b.cn' };
    for (const port of ['abc', '0', '70000', '25.5'])
      expect(() => emailConfigFromEnv({ ...base, LANTERN_SMTP_PORT: port })).toThrow(/LANTERN_SMTP_PORT/);
    expect(() => emailConfigFromEnv({ ...base, LANTERN_SMTP_SECURE: 'yes' })).toThrow(/LANTERN_SMTP_SECURE/);
    expect(() => emailConfigFromEnv({ LANTERN_SMTP_HOST: 'smtp.example.gov.cn' })).toThrow(/LANTERN_SMTP_FROM/);
    expect(() => emailConfigFromEnv({ ...base, LANTERN_SMTP_USER: 'lantern' })).toThrow(/LANTERN_SMTP_PASSWORD/);
  });
});

describe('signatures', () => {
  it('verify only the same secret, timestamp and body', () => {
    const sig = signBody('s3cret', '1700000000', '{"a":1}');
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    expect(verifySignature('s3cret', '1700000000', '{"a":1}', sig)).toBe(true);
    expect(verifySignature('s3cret', '1700000000', '{"a":1}', `sha256=${sig}`)).toBe(true);
    expect(verifySignature('other', '1700000000', '{"a":1}', sig)).toBe(false);
    expect(verifySignature('s3cret', '1700000001', '{"a":1}', sig)).toBe(false);
    expect(verifySignature('s3cret', '1700000000', '{"a":2}', sig)).toBe(false);
    expect(verifySignature('s3cret', '1700000000', '{"a":1}', 'sha256=zz')).toBe(false);
  });
});

describe('the webhook', () => {
  const secret = 'whsec-兰溪';

  it('signs each attempt, retries a 500 after the first backoff, and keeps the delivery key', async () => {
    const r = await receiver((_req, i) => (i === 0 ? { status: 500 } : { status: 200 }));
    const { calls, sleep } = fakeSleep();
    const clock = () => new Date('2026-11-03T02:00:05.900Z');
    const result = await webhookChannel({ url: `${r.url}/hook`, secret, sleep, clock }).send(notification, recipient);

    expect(result).toEqual({ ok: true, attempts: 2, status: 200 });
    expect(calls).toEqual([1000]);
    expect(r.received).toHaveLength(2);
    for (const req of r.received) {
      expect(req.url).toBe('/hook');
      expect(req.headers['content-type']).toBe('application/json');
      expect(req.headers['x-lantern-event']).toBe('licence.expiring');
      expect(req.headers['x-lantern-delivery']).toBe('licence:12:30');
      expect(req.headers['x-lantern-timestamp']).toBe('1793671205');
      const signature = String(req.headers['x-lantern-signature']);
      expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
      expect(verifySignature(secret, String(req.headers['x-lantern-timestamp']), req.body, signature)).toBe(true);
      expect(JSON.parse(req.body)).toEqual({
        event: 'licence.expiring',
        key: 'licence:12:30',
        title: notification.title,
        text: notification.text,
        url: notification.url,
        at: '2026-11-03T02:00:00.000Z',
        recipient: { userId: 7, displayName: '张三' },
      });
    }
  });

  it('does not retry a 400', async () => {
    const r = await receiver(() => ({ status: 400 }));
    const { calls, sleep } = fakeSleep();
    const result = await webhookChannel({ url: r.url, secret, sleep }).send(notification, recipient);
    expect(result).toEqual({ ok: false, attempts: 1, status: 400, error: 'HTTP_400' });
    expect(calls).toEqual([]);
    expect(r.received).toHaveLength(1);
  });

  it('retries 429 and 5xx through every backoff, then reports the last answer', async () => {
    const r = await receiver((_req, i) => ({ status: i === 0 ? 429 : 503 }));
    const { calls, sleep } = fakeSleep();
    const result = await webhookChannel({ url: r.url, secret, sleep }).send(notification, recipient);
    expect(result).toEqual({ ok: false, attempts: 4, status: 503, error: 'HTTP_503' });
    expect(calls).toEqual([1000, 4000, 16000]);
    expect(new Set(r.received.map((q) => q.headers['x-lantern-delivery']))).toEqual(new Set(['licence:12:30']));
  });

  it('gives up on a receiver that never answers after its timeout, and retries', async () => {
    const r = await receiver(() => 'hang');
    const { calls, sleep } = fakeSleep();
    const channel = webhookChannel({ url: r.url, secret, sleep, maxAttempts: 2, timeoutMs: 200 });
    const result = await channel.send(notification, recipient);
    expect(result).toEqual({ ok: false, attempts: 2, status: undefined, error: 'TIMEOUT' });
    expect(calls).toEqual([1000]);
  });

  it('retries a refused connection', async () => {
    const closed = await startReceiver(() => ({ status: 200 }));
    await closed.close();
    const { calls, sleep } = fakeSleep();
    const result = await webhookChannel({ url: closed.url, secret, sleep, maxAttempts: 3 }).send(
      notification,
      recipient,
    );
    expect(result).toMatchObject({ ok: false, attempts: 3, error: 'ECONNREFUSED' });
    expect(calls).toEqual([1000, 4000]);
  });

  it('posts another document through buildBody, still signed', async () => {
    const r = await receiver(() => ({ status: 204 }));
    const channel = webhookChannel({
      url: r.url,
      secret,
      buildBody: (n, to) => ({ msg: `${to.displayName}：${n.title}` }),
    });
    expect(await channel.send(notification, recipient)).toEqual({ ok: true, attempts: 1, status: 204 });
    const [req] = r.received;
    expect(JSON.parse(req.body)).toEqual({ msg: '张三：施工许可证即将到期' });
    expect(
      verifySignature(
        secret,
        String(req.headers['x-lantern-timestamp']),
        req.body,
        String(req.headers['x-lantern-signature']),
      ),
    ).toBe(true);
  });

  it('refuses a key that cannot travel in a header without sending anything', async () => {
    const r = await receiver(() => ({ status: 200 }));
    const result = await webhookChannel({ url: r.url, secret }).send({ ...notification, key: '证照:12' }, recipient);
    expect(result).toEqual({ ok: false, attempts: 0, error: 'BAD_HEADER' });
    expect(r.received).toHaveLength(0);
  });
});

describe('the DingTalk robot', () => {
  const secret = 'SEC0123456789abcdef';

  /** A robot that checks the signature as DingTalk does and answers with `errcode`. */
  async function robot(errcodes: number[]) {
    return receiver((req, i) => {
      const query = new URL(req.url, 'http://robot').searchParams;
      const timestamp = query.get('timestamp') ?? '';
      const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
      if (query.get('sign') !== expected) return { status: 200, body: { errcode: 310000, errmsg: 'sign not match' } };
      const errcode = errcodes[Math.min(i, errcodes.length - 1)];
      return { status: 200, body: { errcode, errmsg: errcode === 0 ? 'ok' : 'failed' } };
    });
  }

  it('posts a markdown message to a signed address', async () => {
    const r = await robot([0]);
    const clock = () => new Date(1_793_671_205_123);
    const channel = dingtalkChannel({ webhookUrl: `${r.url}/robot/send?access_token=abc`, secret, clock });
    expect(await channel.send(notification, recipient)).toEqual({ ok: true, attempts: 1, status: 200 });

    const [req] = r.received;
    const query = new URL(req.url, 'http://robot').searchParams;
    expect(query.get('access_token')).toBe('abc');
    expect(query.get('timestamp')).toBe('1793671205123');
    expect(req.url).toMatch(/&sign=[A-Za-z0-9%]+$/);
    expect(req.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req.body)).toEqual({
      msgtype: 'markdown',
      markdown: {
        title: '施工许可证即将到期',
        text:
          '### 施工许可证即将到期\n\n' +
          '兰江街道安置房工程的施工许可证将于 30 天后到期，请及时办理延期。\n\n如已办理，请忽略本通知。\n\n' +
          '[查看](https://xm.example.gov.cn/projects/12)',
      },
      at: { isAtAll: false },
    });
  });

  it('reports a non-zero errcode as a failure, without retrying', async () => {
    const r = await receiver(() => ({ status: 200, body: { errcode: 310000, errmsg: 'sign not match' } }));
    const { calls, sleep } = fakeSleep();
    const result = await dingtalkChannel({ webhookUrl: r.url, secret, sleep }).send(notification, recipient);
    expect(result).toEqual({ ok: false, attempts: 1, status: 200, error: 'DINGTALK_310000: sign not match' });
    expect(calls).toEqual([]);
  });

  it('retries the rate limit errcode', async () => {
    const r = await robot([130101, 0]);
    const { calls, sleep } = fakeSleep();
    const result = await dingtalkChannel({ webhookUrl: `${r.url}/robot/send?access_token=abc`, secret, sleep }).send(
      notification,
      recipient,
    );
    expect(result).toEqual({ ok: true, attempts: 2, status: 200 });
    expect(calls).toEqual([1000]);
  });

  it('sends no signature without a secret, and fails on an answer that is not DingTalk’s', async () => {
    const r = await receiver(() => ({ status: 200, body: 'hello' }));
    const result = await dingtalkChannel({ webhookUrl: `${r.url}/robot/send?access_token=abc` }).send(
      notification,
      recipient,
    );
    expect(result).toEqual({ ok: false, attempts: 1, status: 200, error: 'DINGTALK_BAD_ANSWER' });
    expect(r.received[0].url).toBe('/robot/send?access_token=abc');
  });
});

describe('dispatch', () => {
  const throwing: NotificationChannel = {
    kind: 'dingtalk',
    send: async () => {
      throw new Error('boom');
    },
  };

  it('logs one entry per channel and survives a channel that throws', async () => {
    const r = await receiver(() => ({ status: 200 }));
    const log = memoryDeliveryLog();
    const at = new Date('2026-11-03T02:00:06Z');
    const channels = [
      webhookChannel({ url: r.url, secret: 's' }),
      throwing,
      emailChannel({ host: '127.0.0.1', port: 1, secure: false, from: 'a@b.cn' }),
    ];
    const entries = await dispatchNotification(channels, notification, { ...recipient, email: null }, log, {
      clock: () => at,
    });
    const common = { event: 'licence.expiring', key: 'licence:12:30', recipientUserId: 7, at };
    expect(entries).toEqual([
      { ...common, channel: 'webhook', ok: true, attempts: 1, status: 200, error: null },
      { ...common, channel: 'dingtalk', ok: false, attempts: 0, status: null, error: 'CHANNEL_ERROR: boom' },
      { ...common, channel: 'email', ok: false, attempts: 0, status: null, error: 'NO_ADDRESS' },
    ]);
    expect([...log.entries].sort((a, b) => a.channel.localeCompare(b.channel))).toEqual(
      [...entries].sort((a, b) => a.channel.localeCompare(b.channel)),
    );
  });

  it('does not throw when the log fails', async () => {
    const failures: unknown[] = [];
    const log: DeliveryLog = {
      record: async () => {
        throw new Error('disk full');
      },
    };
    const entries = await dispatchNotification([throwing], notification, recipient, log, {
      onLogError: (err) => failures.push(err),
    });
    expect(entries).toHaveLength(1);
    expect(failures).toHaveLength(1);
  });
});
