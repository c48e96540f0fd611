import { z } from 'zod';
import net from 'node:net';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../domain/calendar/local-date.ts';
import { emailConfigFromEnv, type EmailConfig } from '../notifications/email.ts';
import { ConfigError } from './config-error.ts';

export { ConfigError };

/** An IP address, or a CIDR range of one. */
function isProxyAddress(value: string): boolean {
  const [address, bits, extra] = value.split('/');
  const version = net.isIP(address ?? '');
  if (!version || extra !== undefined) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n <= (version === 4 ? 32 : 128);
}

/**
 * Lantern's configuration, read from the environment once at start.
 * `process.env` is read here and nowhere else; invalid values stop the start with a clear message.
 */
const envSchema = z.object({
  /** TCP port the HTTP server listens on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Address to bind; 0.0.0.0 serves the local network, 127.0.0.1 only this machine. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** The SQLite file used when DATABASE_URL is not set. Created (with its folder) on first start. */
  LANTERN_DATA: z.string().min(1).default('./data/lantern.db'),
  /** postgres://… to run on PostgreSQL instead of the embedded SQLite file. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  /** Default language of messages when a request names none: zh-CN or en. */
  LANTERN_LOCALE: z.enum(['zh-CN', 'en']).default('zh-CN'),
  /**
   * The county's time zone (IANA name): every date of the domain — deadlines, lateness, the assessed
   * month, cutoffs, file names — is the local date there.
   */
  LANTERN_TIME_ZONE: z
    .string()
    .refine(isTimeZone, 'LANTERN_TIME_ZONE must be an IANA time zone such as Asia/Shanghai')
    .default(DEFAULT_TIME_ZONE),
  /**
   * The address people reach Lantern at (https://xm.example.gov.cn): public links such as the OC4IDS
   * package's `uri` are built from it, never from a request's Host or X-Forwarded-Host; an https
   * address makes the cookies Secure. Unset, links use the address the server listens on.
   */
  LANTERN_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'LANTERN_BASE_URL must be an http(s) URL such as https://xm.example.gov.cn' })
    .refine((u) => !/[?#]/.test(u), 'LANTERN_BASE_URL may not carry a query or fragment')
    .optional(),
  /**
   * The reverse proxies in front of Lantern (addresses or CIDR ranges, comma-separated), whose
   * X-Forwarded-For / -Proto headers are believed. Unset, no proxy is trusted and the client's address
   * is the connection's.
   */
  LANTERN_TRUST_PROXY: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => list.every(isProxyAddress),
      'LANTERN_TRUST_PROXY must list IP addresses or CIDR ranges, e.g. 10.0.0.5,10.1.0.0/16',
    ),
  /** Set to "true" behind HTTPS so cookies carry the Secure flag (implied by an https LANTERN_BASE_URL). */
  LANTERN_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  /** Sign-in attempts allowed per username and address per window of LANTERN_LOGIN_WINDOW_SECONDS. */
  LANTERN_LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(10),
  LANTERN_LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  /** Hours a session lasts without use. */
  LANTERN_SESSION_HOURS: z.coerce.number().int().min(1).default(12),
  /** Hours a session lasts however much it is used: then the person signs in again (ASVS V3.3.2). */
  LANTERN_SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(24),
  /** Folder of the built web app; empty disables static serving. */
  LANTERN_WEB_DIR: z.string().default('web/dist'),
  /**
   * A CJK font (.ttc/.otf/.ttf) embedded in PDF bulletins. When unset, Lantern uses Noto Serif/Sans CJK
   * from fonts-noto-cjk where Debian, Arch and Fedora install it; PDF export fails without either.
   */
  LANTERN_PDF_FONT: z.string().optional(),
  /**
   * Prefix of the OC4IDS project ids in the open-data export (`<prefix><Lantern project id>`). OC4IDS
   * asks for a registered prefix (oc4ids-xxxxxx-); each deployment should use its own, so that two
   * counties' exports never share an id.
   */
  LANTERN_OC4IDS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/, 'LANTERN_OC4IDS_PREFIX may hold letters, digits, ".", "_" and "-" only')
    .default('oc4ids-lantern-'),
  /** Licence of the open data (a URI, e.g. https://creativecommons.org/licenses/by/4.0/); the export states none when unset. */
  LANTERN_OC4IDS_LICENSE: z
    .url({ protocol: /^https?$/, error: 'LANTERN_OC4IDS_LICENSE must be an http(s) URL' })
    .optional(),
  /** A receiver of Lantern's signed webhook (JSON POST, X-Lantern-Signature); with LANTERN_WEBHOOK_SECRET. */
  LANTERN_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: 'LANTERN_WEBHOOK_URL must be an http(s) URL' }).optional(),
  LANTERN_WEBHOOK_SECRET: z.string().min(16, 'LANTERN_WEBHOOK_SECRET must be at least 16 characters').optional(),
  /** A DingTalk-style group robot (政务钉钉): its webhook address and, when the robot signs, its secret. */
  LANTERN_DINGTALK_URL: z
    .url({ protocol: /^https?$/, error: 'LANTERN_DINGTALK_URL must be an http(s) URL' })
    .optional(),
  LANTERN_DINGTALK_SECRET: z.string().optional(),
});

export type Database = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  database: Database;
  locale: 'zh-CN' | 'en';
  timeZone: string;
  secureCookies: boolean;
  /** The public address, without a trailing slash; null: the address the server listens on. */
  baseUrl: string | null;
  /** Reverse proxies whose forwarding headers are believed; empty: none. */
  trustProxy: string[];
  login: { maxAttempts: number; windowSeconds: number };
  sessionHours: number;
  sessionMaxHours: number;
  webDir: string;
  pdfFont: string | null;
  oc4ids: { idPrefix: string; license: string | null };
  /** The channels reminders can travel by besides the inbox; null: not configured here. */
  notifications: {
    email: EmailConfig | null;
    webhook: { url: string; secret: string } | null;
    dingtalk: { webhookUrl: string; secret?: string } | null;
  };
}

export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.LANTERN_WEBHOOK_URL && !e.LANTERN_WEBHOOK_SECRET)
    throw new ConfigError('Invalid configuration:\n  LANTERN_WEBHOOK_SECRET: must be set with LANTERN_WEBHOOK_URL');
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'sqlite', file: e.LANTERN_DATA },
    locale: e.LANTERN_LOCALE,
    timeZone: e.LANTERN_TIME_ZONE,
    secureCookies: e.LANTERN_SECURE_COOKIES === 'true' || (e.LANTERN_BASE_URL?.startsWith('https:') ?? false),
    baseUrl: e.LANTERN_BASE_URL ? e.LANTERN_BASE_URL.replace(/\/+$/, '') : null,
    trustProxy: e.LANTERN_TRUST_PROXY,
    login: { maxAttempts: e.LANTERN_LOGIN_MAX_ATTEMPTS, windowSeconds: e.LANTERN_LOGIN_WINDOW_SECONDS },
    sessionHours: e.LANTERN_SESSION_HOURS,
    sessionMaxHours: Math.max(e.LANTERN_SESSION_MAX_HOURS, e.LANTERN_SESSION_HOURS),
    webDir: e.LANTERN_WEB_DIR,
    pdfFont: e.LANTERN_PDF_FONT || null,
    oc4ids: { idPrefix: e.LANTERN_OC4IDS_PREFIX, license: e.LANTERN_OC4IDS_LICENSE ?? null },
    notifications: {
      email: emailConfigFromEnv(env),
      webhook:
        e.LANTERN_WEBHOOK_URL && e.LANTERN_WEBHOOK_SECRET
          ? { url: e.LANTERN_WEBHOOK_URL, secret: e.LANTERN_WEBHOOK_SECRET }
          : null,
      dingtalk: e.LANTERN_DINGTALK_URL
        ? {
            webhookUrl: e.LANTERN_DINGTALK_URL,
            ...(e.LANTERN_DINGTALK_SECRET ? { secret: e.LANTERN_DINGTALK_SECRET } : {}),
          }
        : null,
    },
  };
}
