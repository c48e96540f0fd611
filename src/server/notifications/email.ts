import nodemailer from 'nodemailer';
import { ConfigError } from '../config/config-error.ts';
import type { DeliveryResult, NotificationChannel } from './channel.ts';

/** Where and as whom Lantern sends e-mail. */
export interface EmailConfig {
  host: string;
  port: number;
  /** TLS from the first byte (port 465). When false, STARTTLS is still used if the server offers it. */
  secure: boolean;
  user?: string;
  password?: string;
  /** The From address: "Lantern <lantern@xm.example.gov.cn>". */
  from: string;
}

export interface EmailOptions {
  /** Time allowed to connect, for the greeting and for each reply. Default 10 s. */
  timeoutMs?: number;
}

/**
 * E-mail over SMTP: subject = the title, body = the text and the link, in UTF-8. One attempt: the mail
 * server keeps its own queue and retries. A person without an address gets
 * `{ ok: false, attempts: 0, error: 'NO_ADDRESS' }` and the server is not contacted. The result's
 * status is the SMTP reply code (250 when accepted).
 */
export function emailChannel(config: EmailConfig, options: EmailOptions = {}): NotificationChannel {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.password ?? '' } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    kind: 'email',
    async send(n, to): Promise<DeliveryResult> {
      if (!to.email) return { ok: false, attempts: 0, error: 'NO_ADDRESS' };
      try {
        const info = await transport.sendMail({
          from: config.from,
          to: { name: to.displayName, address: to.email },
          subject: n.title,
          text: n.url ? `${n.text}\n\n${n.url}` : n.text,
          headers: { 'X-Lantern-Event': n.event, 'X-Lantern-Delivery': n.key },
        });
        return { ok: true, attempts: 1, status: replyCode(info.response) };
      } catch (err) {
        const e = err as { code?: unknown; responseCode?: unknown; message?: unknown };
        const message = typeof e.message === 'string' ? e.message : String(err);
        return {
          ok: false,
          attempts: 1,
          status: typeof e.responseCode === 'number' ? e.responseCode : undefined,
          error: typeof e.code === 'string' ? `${e.code}: ${message}` : message,
        };
      }
    },
  };
}

function replyCode(response: unknown): number | undefined {
  const code = typeof response === 'string' ? /^\d{3}/.exec(response)?.[0] : undefined;
  return code ? Number(code) : undefined;
}

/**
 * The e-mail configuration from the environment: LANTERN_SMTP_HOST (unset: no e-mail, null),
 * LANTERN_SMTP_PORT (default 465 when secure, else 587), LANTERN_SMTP_SECURE (true/false, default
 * false), LANTERN_SMTP_USER and LANTERN_SMTP_PASSWORD (both or neither), LANTERN_SMTP_FROM (required).
 * An invalid value throws a ConfigError naming its variable.
 */
export function emailConfigFromEnv(env: Record<string, string | undefined>): EmailConfig | null {
  const host = env.LANTERN_SMTP_HOST?.trim();
  if (!host) return null;
  const secureText = env.LANTERN_SMTP_SECURE?.trim() || 'false';
  if (secureText !== 'true' && secureText !== 'false')
    throw new ConfigError(`LANTERN_SMTP_SECURE must be true or false, not "${secureText}"`);
  const secure = secureText === 'true';
  const portText = env.LANTERN_SMTP_PORT?.trim() || (secure ? '465' : '587');
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535)
    throw new ConfigError(`LANTERN_SMTP_PORT must be a port number from 1 to 65535, not "${portText}"`);
  const from = env.LANTERN_SMTP_FROM?.trim();
  if (!from)
    throw new ConfigError(
      'LANTERN_SMTP_FROM must be set with LANTERN_SMTP_HOST: the sender, e.g. "Lantern <lantern@xm.example.gov.cn>"',
    );
  const user = env.LANTERN_SMTP_USER?.trim() || undefined;
  const password = env.LANTERN_SMTP_PASSWORD || undefined;
  if (Boolean(user) !== Boolean(password))
    throw new ConfigError('LANTERN_SMTP_USER and LANTERN_SMTP_PASSWORD must be set together');
  return { host, port, secure, user, password, from };
}
