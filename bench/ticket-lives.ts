import { instantAt, localDate } from '../src/domain/calendar/local-date.ts';
import { TICKET_CATEGORIES, type TicketCategory } from '../src/domain/tickets/categories.ts';
import { SHIPPED_SLA_PROFILES, type Complexity, type SlaProfile } from '../src/domain/tickets/sla.ts';
import {
  duesAfter,
  extensionInTime,
  nextDue,
  NO_DUES,
  ticketLight,
  type ClockEvent,
  type TicketDues,
} from '../src/domain/tickets/ticket-clocks.ts';
import type { Value } from '../src/server/db/bulk-insert.ts';

/**
 * One open ticket's life for the tickets benchmark (bench/tickets-county.ts): its steps replayed through the
 * domain's clocks (duesAfter) as the service takes them, each kept as its event with the `after` the service
 * writes, and the escalation by each nightly cutoff its clock ran out before.
 */

/** A unit as the county's tree holds it. */
export interface UnitRow {
  id: number;
  parent_id: number | null;
  path: string;
  name: string;
  kind: string;
  depth: number;
}

/** The people the steps are taken by: the office (a coordinator) and one township's editor, signed in by the bench. */
export interface TicketCountyPeople {
  coordinator: { id: number; name: string };
  editor: { id: number; name: string; townshipId: number };
}

export const TZ = 'Asia/Shanghai';
const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
const STATE_SHARES = { raised: 12, accepted: 10, handling: 58, answered: 20 } as const;
type OpenState = keyof typeof STATE_SHARES;
const PROFILE_SHARES: [SlaProfile, number][] = [
  [SHIPPED_SLA_PROFILES['333'], 70],
  [SHIPPED_SLA_PROFILES.standard, 20],
  [SHIPPED_SLA_PROFILES.rapid, 10],
];
const COMPLEXITY_SHARES: [Complexity, number][] = [
  ['simple', 30],
  ['general', 50],
  ['complex', 20],
];
const PROBLEMS: Record<TicketCategory, [title: string, description: string]> = {
  land: ['二期用地指标', '新增用地指标尚未落实，影响二期厂房开工，请协调自然资源部门尽快组卷报批'],
  energy: ['用能指标不足', '用能指标不足，新生产线无法按期投产，请协调发改部门调剂能耗指标'],
  funds: ['技改补助未拨付', '去年技改项目补助资金尚未拨付到位，企业资金周转紧张'],
  approval: ['环评审批缓慢', '环评审批进度缓慢，已补正材料两次，影响项目开工'],
  clearance: ['政策处理未完成', '厂区周边两户政策处理未完成，施工队无法进场'],
  hiring: ['招工困难', '一线技术工人招工困难，缺口约五十人，请协调人社部门组织专场招聘'],
  financing: ['续贷困难', '流动资金贷款到期续贷困难，需协调银行延长期限'],
  other: ['道路破损', '厂区门口道路破损严重，大型货车通行不便，请协调修复'],
};
/** The nightly cutoff's wall time: the job's first tick after local midnight takes the day's run. */
const CUTOFF_TIME = '00:05';

/** The first nightly cutoff strictly after an instant (Asia/Shanghai keeps no summer time: a day is 24 h). */
export function cutoffAfter(ms: number): number {
  const c = instantAt(`${localDate(new Date(ms), TZ)} ${CUTOFF_TIME}`, TZ).getTime();
  return c > ms ? c : c + DAY;
}

export function picker(rand: () => number) {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const weighted = <T>(xs: readonly (readonly [T, number])[]) => {
    let r = rand() * xs.reduce((s, [, w]) => s + w, 0);
    for (const [x, w] of xs) if ((r -= w) < 0) return x;
    return xs.at(-1)![0];
  };
  const between = (lo: number, hi: number) => lo + rand() * (hi - lo);
  return { pick, weighted, between, chance: (p: number) => rand() < p };
}

export const TICKET_COLUMNS = [
  'enterprise_id',
  'project_id',
  'category',
  'title',
  'description',
  'complexity',
  'state',
  'sla_profile',
  'raised_by',
  'raised_at',
  'unit_path',
  'handling_unit_id',
  'accept_due_at',
  'interim_due_at',
  'close_due_at',
  'revisit_due_at',
  'next_due_at',
  'due_date',
  'light',
  'extension_state',
  'reopen_count',
  'escalated_at',
  'escalated_unit_id',
  'rating',
  'closed_at',
  'updated_at',
  'version',
];
export const EVENT_COLUMNS = ['ticket_id', 'step', 'actor_id', 'actor_name', 'at', 'text', 'internal', 'data_json'];

type StepKind = 'raise' | 'accept' | 'assign' | 'reply' | 'requestExtension' | 'decideExtension' | 'answer';
const STATE_AFTER: Partial<Record<StepKind, OpenState>> = {
  raise: 'raised',
  accept: 'accepted',
  assign: 'handling',
  answer: 'answered',
};

/**
 * One ticket's life up to `t0`: its steps, oldest first, each `gap` before the next; the last one a little
 * before t0 (most within the last three and a half days, a tenth up to three weeks before), so that some
 * clocks have run out and been escalated by a night's cutoff and many run out in the days after t0.
 */
export function ticketLife(
  r: ReturnType<typeof picker> & { rand: () => number },
  people: TicketCountyPeople,
  tree: {
    root: UnitRow;
    byId: Map<number, UnitRow>;
    departments: UnitRow[];
    townships: UnitRow[];
    villagesOf: Map<number, UnitRow[]>;
  },
) {
  const { pick, weighted, between, chance } = r;
  const office = { id: people.coordinator.id, name: people.coordinator.name };
  return (t: {
    enterpriseId: number;
    township: UnitRow;
    account: { id: number; name: string } | null;
    projects: number[];
    editorOf: Map<number, { id: number; name: string }>;
    t0: number;
    lastCutoff: number;
  }) => {
    const state = weighted(Object.entries(STATE_SHARES) as [OpenState, number][]);
    const profile = weighted(PROFILE_SHARES);
    const complexity = weighted(COMPLEXITY_SHARES);
    const category = pick(TICKET_CATEGORIES);
    const [title, description] = PROBLEMS[category];
    const kinds: StepKind[] = ['raise'];
    if (state !== 'raised') kinds.push('accept');
    if (state === 'handling' || state === 'answered') {
      kinds.push('assign');
      if (chance(0.4)) kinds.push('reply');
    }
    const extension = state === 'handling' ? (chance(0.03) ? 'asked' : chance(0.02) ? 'granted' : null) : null;
    if (extension) kinds.push('requestExtension');
    if (extension === 'granted') kinds.push('decideExtension');
    if (state === 'answered') kinds.push('answer');
    const gaps: Record<StepKind, [number, number]> = {
      raise: [0, 0],
      accept: [0.5 * HOUR, 20 * HOUR],
      assign: [0.2 * HOUR, 8 * HOUR],
      reply: [HOUR, 48 * HOUR],
      requestExtension: [HOUR, 24 * HOUR],
      decideExtension: [HOUR, 8 * HOUR],
      answer: [4 * HOUR, 60 * HOUR],
    };
    const times: number[] = new Array(kinds.length);
    times[kinds.length - 1] = t.t0 - (chance(0.9) ? between(0.2 * HOUR, 3.5 * DAY) : between(3.5 * DAY, 21 * DAY));
    for (let k = kinds.length - 2; k >= 0; k--) times[k] = times[k + 1]! - between(...gaps[kinds[k + 1]!]);

    // Where the ticket goes: its township mostly, else a department or one of the township's villages.
    const villages = tree.villagesOf.get(t.township.id) ?? [];
    const handler = kinds.includes('assign')
      ? chance(0.55)
        ? t.township
        : chance(0.55)
          ? pick(tree.departments)
          : pick(villages)
      : null;
    const coUnits =
      handler && chance(0.06)
        ? [chance(0.5) ? pick(tree.departments) : pick(tree.townships)]
            .filter((u) => u.id !== handler.id)
            .map((u) => u.id)
        : [];
    const raiser = t.account && chance(0.6) ? t.account : chance(0.85) ? t.editorOf.get(t.township.id)! : office;
    const handlerPerson = handler
      ? (t.editorOf.get(handler.id) ??
        t.editorOf.get(handler.parent_id ?? -1) ?? { id: null, name: `${handler.name}经办人` })
      : null;

    let dues: TicketDues = NO_DUES;
    let current: OpenState = 'raised';
    // Set by the nightly cutoff that escalated it, if one did.
    const esc: { at: number | null; unit: UnitRow | null } = { at: null, unit: null };
    let asked = false;
    let changes = 0;
    const events: Value[][] = [];
    const after = () => ({
      state: current,
      handlingUnitId: current === 'raised' || current === 'accepted' ? null : (handler?.id ?? null),
      dues,
      escalated: esc.at !== null,
    });
    const escalateIfRunOut = (before: number) => {
      const due = nextDue(dues);
      if (esc.at !== null || due === null) return;
      const at = cutoffAfter(Date.parse(due));
      if (at > before) return;
      const from = after().handlingUnitId !== null ? handler! : t.township;
      esc.unit = tree.byId.get(from.parent_id ?? -1) ?? null;
      esc.at = at;
      changes++;
      const to = esc.unit?.name ?? '县级';
      events.push([
        'escalate',
        null,
        '系统',
        new Date(at).toISOString(),
        `办理时限已到，升级至${to}督办`,
        0,
        JSON.stringify({ unitId: esc.unit?.id ?? null, patronLeader: null, after: after() }),
      ]);
    };
    kinds.forEach((kind, k) => {
      const at = times[k]!;
      if (k > 0) escalateIfRunOut(at - 1);
      const now = new Date(at);
      const ctx = { now, profile, complexity, timeZone: TZ };
      const event: ClockEvent | null =
        kind === 'raise'
          ? { kind: 'raise' }
          : kind === 'assign'
            ? { kind: 'assign', first: true }
            : kind === 'reply'
              ? { kind: 'reply' }
              : kind === 'answer'
                ? { kind: 'answer' }
                : kind === 'decideExtension'
                  ? { kind: 'extend' }
                  : null;
      // An extension is asked in time or not at all (the service refuses a late one).
      if (kind === 'requestExtension') asked = extensionInTime(dues, now);
      if ((kind === 'requestExtension' || kind === 'decideExtension') && !asked) return;
      if (event) dues = duesAfter(event, dues, ctx);
      current = STATE_AFTER[kind] ?? current;
      if (k > 0) changes++;
      const actor =
        kind === 'raise'
          ? raiser
          : kind === 'reply' || kind === 'answer' || kind === 'requestExtension'
            ? handlerPerson!
            : office;
      const text =
        kind === 'raise'
          ? description
          : kind === 'reply'
            ? '已与企业对接，正在协调相关部门办理'
            : kind === 'answer'
              ? '经协调，问题已解决，请企业确认'
              : kind === 'requestExtension'
                ? '涉及多个部门会商，申请延期办理'
                : '';
      const data =
        kind === 'assign'
          ? { unitId: handler!.id, unitName: handler!.name, coUnitIds: coUnits }
          : kind === 'decideExtension'
            ? { approved: true, by: office.name }
            : {};
      events.push([
        kind,
        actor.id,
        actor.name,
        now.toISOString(),
        text,
        0,
        JSON.stringify({ ...data, after: after() }),
      ]);
    });
    const last = times.at(-1)!;
    escalateIfRunOut(t.t0);
    const escalated = esc.at !== null;
    // As the last step, escalation or nightly cutoff computed it.
    const lightAt = Math.max(last, esc.at ?? 0, t.lastCutoff);
    const light = ticketLight(dues, escalated, new Date(lightAt), TZ);
    const assigned = after().handlingUnitId !== null;
    const row: Value[] = [
      t.enterpriseId,
      t.projects.length && chance(0.3) ? pick(t.projects) : null,
      category,
      title,
      description,
      complexity,
      current,
      profile.key,
      raiser.id,
      new Date(times[0]!).toISOString(),
      assigned ? handler!.path : t.township.path,
      assigned ? handler!.id : null,
      dues.accept,
      dues.interim,
      dues.close,
      dues.revisit,
      light.nextDueAt,
      light.dueDate,
      light.colour,
      asked ? extension : null,
      0,
      esc.at === null ? null : new Date(esc.at).toISOString(),
      esc.unit?.id ?? null,
      null,
      null,
      new Date(Math.max(last, esc.at ?? 0)).toISOString(),
      1 + changes,
    ];
    return { row, events, coUnits, state: current, escalated, nextDue: light.nextDueAt };
  };
}
