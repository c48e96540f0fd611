import { createHmac } from 'node:crypto';
import type { Notification, NotificationChannel } from './channel.ts';
import { webhookSender, type RetryOptions, type Verdict } from './webhook-sender.ts';

/**
 * A DingTalk group robot (钉钉自定义机器人): the message format of the messaging app Zhejiang's
 * government offices use; a private DingTalk deployment is reached by giving its own robot address.
 * The robot posts into one group chat: every notification given to this channel appears there, for
 * whoever it was addressed to.
 */
export interface DingtalkOptions extends RetryOptions {
  /** The robot's Webhook address, https://oapi.dingtalk.com/robot/send?access_token=… */
  webhookUrl: string;
  /** The 加签 secret (SEC…) when the robot's security setting is signing; unset, nothing is signed. */
  secret?: string;
}

/** The robot's "markdown" message: the title as a heading, the text, and the link as [查看](url). */
export function dingtalkMarkdown(n: Notification) {
  const lines = [`### ${n.title}`, '', n.text.replace(/\r?\n+/g, '\n\n')];
  if (n.url) lines.push('', `[查看](${markdownHref(n.url)})`);
  return { msgtype: 'markdown', markdown: { title: n.title, text: lines.join('\n') }, at: { isAtAll: false } };
}

/** A link that cannot end the Markdown link early: normalised, its brackets percent-encoded. */
function markdownHref(url: string): string {
  return new URL(url).href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/**
 * DingTalk's signature (加签): Base64 of the HMAC-SHA256 of "<timestamp>\n<secret>" keyed by the secret,
 * the timestamp in milliseconds. DingTalk refuses one more than an hour off its clock.
 */
export function dingtalkSign(secret: string, timestampMs: string): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/** The robot's address with `&timestamp=<ms>&sign=<url-encoded signature>` appended. */
export function dingtalkSignedUrl(webhookUrl: string, secret: string, now: Date): string {
  const timestamp = String(now.getTime());
  const sign = encodeURIComponent(dingtalkSign(secret, timestamp));
  return `${webhookUrl}${webhookUrl.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${sign}`;
}

/**
 * The robot's error codes that mean "too many messages": 130101 (send too fast, older robots) and 410100
 * (发送速度太快而限流). DingTalk allows 20 messages a minute per robot; waiting out the backoff can help.
 */
const RATE_LIMITED = new Set([130101, 410100]);

/**
 * DingTalk answers HTTP 200 with `{ errcode, errmsg }`: errcode 0 is delivered; a rate limit is tried
 * again; any other code (a bad signature 310000, an unknown token, a keyword missing) fails at once,
 * as does an answer that is not DingTalk's JSON.
 */
export function judgeDingtalkAnswer(_status: number, text: string): Verdict {
  let answer: { errcode?: unknown; errmsg?: unknown } | null;
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    answer = null;
  }
  const code = answer?.errcode;
  if (typeof code !== 'number') return { ok: false, retry: false, error: 'DINGTALK_BAD_ANSWER' };
  if (code === 0) return { ok: true };
  const message = typeof answer?.errmsg === 'string' && answer.errmsg ? `: ${answer.errmsg}` : '';
  return { ok: false, retry: RATE_LIMITED.has(code), error: `DINGTALK_${code}${message}` };
}

/** The DingTalk robot as a channel, over the webhook sender (its retries, timeouts and backoff). */
export function dingtalkChannel(options: DingtalkOptions): NotificationChannel {
  const { webhookUrl, secret } = options;
  const send = webhookSender(
    {
      buildBody: dingtalkMarkdown,
      prepare: (_body, _n, now) => ({
        url: secret ? dingtalkSignedUrl(webhookUrl, secret, now) : webhookUrl,
        headers: {},
      }),
      judge: judgeDingtalkAnswer,
    },
    options,
  );
  return { kind: 'dingtalk', send };
}
