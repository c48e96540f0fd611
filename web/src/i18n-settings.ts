// Strings of the reminder and notification pages (提醒与办理时限, 通知发送记录, 我的通知); the names of the events,
// channels and complexities come from src/domain and are not repeated here.
import { useMemo } from 'react';
import { useNamespace, type Lang, type Vars } from './i18n-setup';
import type { KeyOf } from './locales';
import type { LocalisedText } from '../../src/domain/lights/types';
import {
  NOTIFICATION_CHANNEL_LABELS,
  NOTIFICATION_EVENT_LABELS,
  type NotificationChannelKind,
  type NotificationEvent,
} from '../../src/domain/notices/notification-events';
import { COMPLEXITY_LABELS, type Complexity, type LimitUnit } from '../../src/domain/tickets/sla';

/** The keys of web/src/locales/<lang>/settings.json. */
export type SettingsMessageKey = KeyOf<'settings'>;

export interface SettingsI18n {
  lang: Lang;
  ts: (key: SettingsMessageKey, vars?: Vars) => string;
  /** An event's name (证照临期提醒…); a code the domain does not know is shown as it is. */
  event: (event: string) => string;
  /** A channel's name (电子邮件…); likewise. */
  channel: (channel: string) => string;
  complexity: (complexity: Complexity) => string;
  /** 工作日 / 工作小时. */
  limitUnit: (unit: LimitUnit) => string;
  /** A server text in the current language. */
  text: (value: LocalisedText) => string;
}

/** The reminder and notification strings in the current language. */
export function useSettingsI18n(): SettingsI18n {
  const { lang, t: ts } = useNamespace('settings');
  return useMemo<SettingsI18n>(
    () => ({
      lang,
      ts,
      event: (e) => NOTIFICATION_EVENT_LABELS[e as NotificationEvent]?.[lang] ?? e,
      channel: (c) => NOTIFICATION_CHANNEL_LABELS[c as NotificationChannelKind]?.[lang] ?? c,
      complexity: (c) => COMPLEXITY_LABELS[c][lang],
      limitUnit: (unit) => ts(`unit.${unit}`),
      text: (value) => value[lang] ?? value['zh-CN'],
    }),
    [lang, ts],
  );
}
