/**
 * What an enterprise's problem is about (涉企问题的类别), as data: the categories the speeches name, in the
 * order the raise form offers them. Stored by key; the labels are for people.
 */
import type { LocalisedText } from '../lights/types.ts';

export const TICKET_CATEGORIES = [
  'land',
  'energy',
  'funds',
  'approval',
  'clearance',
  'hiring',
  'financing',
  'other',
] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

export const TICKET_CATEGORY_LABELS: Record<TicketCategory, LocalisedText> = {
  land: { 'zh-CN': '用地', en: 'Land' },
  energy: { 'zh-CN': '用能', en: 'Energy' },
  funds: { 'zh-CN': '资金', en: 'Funds' },
  approval: { 'zh-CN': '审批', en: 'Approvals' },
  clearance: { 'zh-CN': '政策处理', en: 'Land clearance' },
  hiring: { 'zh-CN': '招工', en: 'Hiring' },
  financing: { 'zh-CN': '融资', en: 'Financing' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const isTicketCategory = (value: string): value is TicketCategory =>
  (TICKET_CATEGORIES as readonly string[]).includes(value);
