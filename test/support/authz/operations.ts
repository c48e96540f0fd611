import type { Action, Resource, Role } from '../../../src/domain/access/roles.ts';
import { DEFAULT_DEAL_SETTINGS } from '../../../src/domain/deals/deal-fields.ts';
import { SHIPPED_SLA_PROFILES } from '../../../src/domain/tickets/sla.ts';
import { enterpriseBody, licenceBody } from '../enterprises.ts';
import { projectBody } from '../projects.ts';
import { picture } from '../report-photos.ts';
import { STATISTICS_RACE } from '../race-county.ts';
import type { Side, Where, World } from './world.ts';

/**
 * The one place every operation of the OpenAPI document is given its permission and its call. A new route
 * fails test/authz-matrix.test.ts until it has its line here.
 *
 * Why a table here and not an `x-access` key in each route's schema (which @fastify/swagger 9 copies into
 * the operation, and fastify-type-provider-zod's transform passes through): that would touch all 17 route
 * files, three of them (session, tokens, users) being changed by others now, and the call recipes — which
 * object, a valid body — are test data and would stay here anyway. Moving `access` into the routes later
 * means reading `op['x-access']` from the document in the test and keeping only the recipes below.
 *
 * access: `resource.action` of src/domain/access/roles.ts; 'public' (anyone, signed in or not);
 * 'signed-in' (any person: reference data, one's own session); 'self' (one's own record, e.g. /me).
 * scope: 'unit' when the outcome depends on the unit the object belongs to (own side vs other side),
 * 'owner' when it depends on whose object it is (own = the caller's, other = someone else's),
 * absent when it does not depend on an object (lists, county-wide settings, races): one case per role.
 */
export type Access = 'public' | 'signed-in' | 'self' | `${Resource}.${Action}`;

export interface Ctx {
  w: World;
  where: Where;
  /** null: anonymous. */
  role: Role | null;
  side: Side;
  n: number;
}

export interface Recipe {
  access: Access;
  scope?: 'unit' | 'owner';
  /** {id} of the path: an object of the side, the race, the bulletin, or one made for this case. */
  id?: keyof Side | 'race' | 'bulletin' | ((c: Ctx) => Promise<number>);
  query?: (c: Ctx) => string;
  body?: (c: Ctx) => unknown;
  form?: (c: Ctx) => Promise<FormData>;
  /** Statuses that mean the operation was let through although it did nothing, besides 2xx (409: already set up). */
  success?: number[];
  /** Run on a client of its own: 'session' signed in anew as the role, 'none' without any cookie. */
  client?: 'session' | 'none';
}

const photoForm = async () => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await picture(64, 48))], { type: 'image/jpeg' }), 'site.jpg');
  return form;
};
const period = 'year=2026&period=10';
const month = 'year=2026&month=10';
const targetItem = (c: Ctx) => ({ unitId: c.side.township, indicator: 'fiscalRevenue', value: 2_400_000_000 });
/** A targets file of one row: the side's township with a 财政收入 target in 万元 (as the export writes it). */
const targetsForm = (c: Ctx) => {
  const name = c.where === 'own' ? '兰江街道' : '上华街道';
  const csv = `单位,财政收入（万元）\n${name},${240000 + c.n}\n`;
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'targets.csv');
  return Promise.resolve(form);
};
const valueItem = (c: Ctx) => ({ unitId: c.side.township, value: 100_000_000 + c.n, source: '县财政局' });

export const OPERATIONS: Record<string, Recipe> = {
  // setup and session
  'GET /api/v1/setup': { access: 'public' },
  'POST /api/v1/setup': {
    access: 'public',
    success: [409],
    body: () => ({ regionCode: '330781', username: 'again', password: 'quiet-harbor-2026', displayName: '又一个' }),
  },
  'POST /api/v1/setup/demo': { access: 'public', success: [409], body: () => ({}) },
  'GET /api/v1/regions': { access: 'public', query: () => 'q=兰溪' },
  'POST /api/v1/session': {
    access: 'public',
    client: 'none',
    body: ({ w, role }) => {
      const username = role ? w.usernames[role] : w.bystander.username;
      return { username, password: w.passwordOf(username) };
    },
  },
  'DELETE /api/v1/session': { access: 'public', client: 'session' },
  'GET /api/v1/me': { access: 'self' },
  'GET /api/v1/inbox': { access: 'self' },
  // notices: each person reads and marks only their own (another's notice is a 404: test/report-reminders.test.ts);
  // here a notice id that is nobody's, so every signed-in role gets through to the 404 of "not yours".
  'GET /api/v1/notices': { access: 'self' },
  'POST /api/v1/notices/{id}/read': { access: 'self', id: () => Promise.resolve(2_000_000_000), success: [404] },
  'POST /api/v1/notices/read': { access: 'self' },
  // units and people
  'GET /api/v1/units': { access: 'unit.read' },
  'POST /api/v1/units': {
    access: 'unit.create',
    scope: 'unit',
    body: (c) => ({ parentId: c.side.township, name: `新村${c.n}`, kind: 'village' }),
  },
  'GET /api/v1/units/{id}': { access: 'unit.read', scope: 'unit', id: 'village' },
  'PATCH /api/v1/units/{id}': {
    access: 'unit.update',
    scope: 'unit',
    id: 'village',
    body: (c) => ({ sortOrder: c.n }),
  },
  'DELETE /api/v1/units/{id}': { access: 'unit.delete', scope: 'unit', id: (c) => c.w.victim.unit(c.where) },
  'GET /api/v1/users': { access: 'user.read' },
  'POST /api/v1/users': {
    access: 'user.create',
    scope: 'unit',
    body: (c) => ({
      username: `new-${c.n}`,
      displayName: `新人${c.n}`,
      password: 'password-1234',
      role: 'enterprise',
      unitId: c.side.village,
    }),
  },
  'GET /api/v1/users/{id}': { access: 'user.read', scope: 'unit', id: 'user' },
  'PATCH /api/v1/users/{id}': {
    access: 'user.update',
    scope: 'unit',
    id: 'user',
    body: (c) => ({ displayName: `专干${c.n}` }),
  },
  'GET /api/v1/audit': { access: 'audit.read' },
  'GET /api/v1/audit/export.xlsx': { access: 'audit.read' },
  'GET /api/v1/tokens': { access: 'token.read' },
  'POST /api/v1/tokens': { access: 'token.create', body: (c) => ({ name: `令牌${c.n}` }) },
  'DELETE /api/v1/tokens/{id}': {
    access: 'token.delete',
    scope: 'owner',
    id: (c) => c.w.victim.token(c.where, c.role),
  },
  // reporting calendar and locked months: read by all who file, set by reviewers
  'GET /api/v1/report-calendar': { access: 'signed-in' },
  'PUT /api/v1/report-calendar': { access: 'reportReview.update', body: () => ({ submitByDay: 3, reviewByDay: 5 }) },
  'GET /api/v1/report-locks': { access: 'signed-in' },
  'POST /api/v1/report-locks': { access: 'reportReview.update', body: (c) => c.w.period('locks', 2000) },
  // projects
  'GET /api/v1/projects': { access: 'project.read' },
  'POST /api/v1/projects': {
    access: 'project.create',
    scope: 'unit',
    body: (c) => projectBody(c.side.village, { name: `新建项目${c.n}` }),
  },
  // Projects out of reach are never named, so the answer is a 200 for any unit: one case per role.
  'GET /api/v1/projects/duplicates': {
    access: 'project.read',
    query: (c) => `unitId=${c.side.township}&name=${encodeURIComponent('兰溪纺织产业园')}`,
  },
  'GET /api/v1/projects/{id}': { access: 'project.read', scope: 'unit', id: 'project' },
  'PATCH /api/v1/projects/{id}': {
    access: 'project.update',
    scope: 'unit',
    id: 'project',
    body: (c) => ({ totalInvestmentWan: 20000 + c.n }),
  },
  'POST /api/v1/projects/{id}/transitions': {
    access: 'project.update',
    scope: 'unit',
    id: (c) => c.w.victim.project(c.where),
    body: () => ({ to: 'dropped', reason: '企业投资意向变化' }),
  },
  'GET /api/v1/project-lists': { access: 'project.read' },
  // A national standard's code table, answered to anyone like /regions (its schema has no 401 either).
  'GET /api/v1/industries': { access: 'public' },
  'GET /api/v1/projects/export.xlsx': { access: 'project.read' },
  'GET /api/v1/project-lists/export.xlsx': { access: 'project.read' },
  'GET /api/v1/templates/projects.xlsx': { access: 'signed-in' },
  'GET /api/v1/templates/reports.xlsx': { access: 'signed-in' },
  'GET /api/v1/templates/enterprises.xlsx': { access: 'signed-in' },
  'GET /api/v1/templates/deals.xlsx': { access: 'signed-in' },
  'GET /api/v1/oc4ids': { access: 'project.read' },
  'GET /api/v1/dashboard': { access: 'project.read' },
  // lights
  'GET /api/v1/light-rules': { access: 'lightRules.read' },
  'PUT /api/v1/light-rules': { access: 'lightRules.update', body: () => ({ report: { lateIsYellow: false } }) },
  'POST /api/v1/light-rules/preview': { access: 'lightRules.update', body: () => ({ report: { lateIsYellow: true } }) },
  'GET /api/v1/projects/{id}/light': { access: 'project.read', scope: 'unit', id: 'project' },
  'POST /api/v1/projects/{id}/exemptions': {
    access: 'lightRules.create',
    scope: 'unit',
    id: 'project',
    body: () => ({ dimension: 'report', reason: '系统故障导致迟报', until: '2026-12-31' }),
  },
  'POST /api/v1/jobs/cutoff': { access: 'lightRules.update' },
  // monthly reports and their photos
  'GET /api/v1/projects/{id}/reports': { access: 'report.read', scope: 'unit', id: 'project' },
  'POST /api/v1/projects/{id}/reports': {
    access: 'report.create',
    scope: 'unit',
    id: 'project',
    body: (c) => ({ ...c.w.period(`reports-${c.side.project}`, 2020), amountWan: 10 }),
  },
  'GET /api/v1/reports/{id}': { access: 'report.read', scope: 'unit', id: 'report' },
  'PATCH /api/v1/reports/{id}': {
    access: 'report.update',
    scope: 'unit',
    id: 'report',
    body: (c) => ({ amountWan: 10 + c.n }),
  },
  'POST /api/v1/reports/{id}/submit': {
    access: 'report.update',
    scope: 'unit',
    id: (c) => c.w.victim.report(c.where, 'draft'),
  },
  'POST /api/v1/reports/{id}/approve': {
    access: 'reportReview.update',
    scope: 'unit',
    id: (c) => c.w.victim.report(c.where, 'submitted'),
  },
  // Rows are checked one by one (test/report-batch-approval.test.ts); here only who may send a batch at all.
  'POST /api/v1/reports/approvals': {
    access: 'reportReview.update',
    body: () => ({ items: [{ id: 1, submittedAt: '2026-01-01T00:00:00.000Z' }] }),
  },
  // 催报: units are reminded one by one (test/report-reminders.test.ts); here only who may remind at all.
  'POST /api/v1/reports/reminders': {
    access: 'reportReview.update',
    body: (c) => ({ ...c.w.period('reminders', 2000), unitIds: [c.side.township] }),
  },
  'POST /api/v1/reports/{id}/return': {
    access: 'reportReview.update',
    scope: 'unit',
    id: (c) => c.w.victim.report(c.where, 'submitted'),
    body: () => ({ reason: '数据有误' }),
  },
  'POST /api/v1/reports/{id}/corrections': {
    access: 'report.update',
    scope: 'unit',
    id: (c) => c.w.victim.report(c.where, 'approved'),
    body: () => ({ amountWan: 12, reason: '漏报设备款' }),
  },
  'GET /api/v1/reports': { access: 'report.read', query: () => month },
  'GET /api/v1/reports/todo': { access: 'report.read', query: () => month },
  'GET /api/v1/reports/status': { access: 'report.read', query: () => month },
  // the month's filing grid is the filers' (report.update); a row of a project not there is refused in the answer
  'GET /api/v1/reports/filing': { access: 'report.update', query: () => month },
  'POST /api/v1/reports/filing': {
    access: 'report.update',
    body: () => ({ year: 2026, month: 10, submit: false, items: [{ projectId: 999_999, amountWan: 1 }] }),
  },
  'GET /api/v1/reports/{id}/photos': { access: 'report.read', scope: 'unit', id: 'report' },
  'POST /api/v1/reports/{id}/photos': { access: 'report.update', scope: 'unit', id: 'report', form: photoForm },
  'GET /api/v1/report-photos/{id}': { access: 'report.read', scope: 'unit', id: 'photo' },
  'GET /api/v1/report-photos/{id}/thumb': { access: 'report.read', scope: 'unit', id: 'photo' },
  'DELETE /api/v1/report-photos/{id}': {
    access: 'report.update',
    scope: 'unit',
    id: (c) => c.w.victim.photo(c.where),
  },
  // ledger imports follow the projects they write (import.policy.ts)
  'GET /api/v1/imports': { access: 'project.read' },
  'POST /api/v1/imports': { access: 'project.create', scope: 'unit', form: (c) => c.w.ledgerForm(c.where) },
  'GET /api/v1/imports/{id}': { access: 'project.read', scope: 'unit', id: 'import' },
  'PUT /api/v1/imports/{id}/mapping': {
    access: 'project.create',
    scope: 'unit',
    id: 'import',
    body: (c) => c.w.mappingOf(c.side.import),
  },
  'POST /api/v1/imports/{id}/dry-run': { access: 'project.create', scope: 'unit', id: 'import' },
  'POST /api/v1/imports/{id}/commit': {
    access: 'project.create',
    scope: 'unit',
    id: (c) => c.w.victim.import(c.where),
  },
  'GET /api/v1/imports/{id}/errors': { access: 'project.read', scope: 'unit', id: 'import' },
  'GET /api/v1/imports/{id}/errors.xlsx': { access: 'project.read', scope: 'unit', id: 'import' },
  // targets and statistics
  'GET /api/v1/indicators': { access: 'signed-in' },
  'GET /api/v1/targets': { access: 'target.read', query: () => 'year=2026' },
  'PUT /api/v1/targets': {
    access: 'target.update',
    scope: 'unit',
    body: (c) => ({ year: 2026, items: [targetItem(c)] }),
  },
  'GET /api/v1/targets/export': { access: 'target.read', query: () => 'year=2026' },
  'POST /api/v1/targets/import': {
    access: 'target.update',
    scope: 'unit',
    query: () => 'year=2026',
    form: (c) => targetsForm(c),
  },
  'GET /api/v1/indicator-values': { access: 'target.read', query: () => `indicator=fiscalRevenue&${month}` },
  'PUT /api/v1/indicator-values': {
    access: 'target.update',
    scope: 'unit',
    body: (c) => ({ indicator: 'fiscalRevenue', year: 2026, month: 8, items: [valueItem(c)] }),
  },
  // races and bulletins
  'GET /api/v1/races': { access: 'race.read' },
  'POST /api/v1/races': { access: 'race.create', body: (c) => ({ ...STATISTICS_RACE, name: `新赛马${c.n}` }) },
  'GET /api/v1/races/{id}': { access: 'race.read', id: 'race' },
  'PUT /api/v1/races/{id}': {
    access: 'race.update',
    id: (c) => c.w.victim.race(),
    body: (c) => ({ ...STATISTICS_RACE, name: `改名赛马${c.n}` }),
  },
  'DELETE /api/v1/races/{id}': { access: 'race.delete', id: (c) => c.w.victim.race() },
  'GET /api/v1/races/{id}/ranking': { access: 'race.read', id: 'race', query: () => period },
  'GET /api/v1/races/{id}/ranking/export': { access: 'race.read', id: 'race', query: () => period },
  'GET /api/v1/races/{id}/records': {
    access: 'race.read',
    id: (c) => Promise.resolve(c.w.projectRaceId),
    query: (c) => `${period}&unitId=${c.side.township}&indicator=projectsStarted`,
  },
  'GET /api/v1/races/{id}/bulletin-draft': { access: 'bulletin.create', id: 'race', query: () => period },
  'GET /api/v1/races/{id}/publish-check': { access: 'bulletin.create', id: 'race', query: () => period },
  'POST /api/v1/bulletins': {
    access: 'bulletin.create',
    body: async (c) => ({
      raceId: await c.w.victim.race(),
      year: 2026,
      period: 10,
      title: `关于2026年10月赛马情况的通报${c.n}`,
      docNumber: `赛马〔2026〕${c.n}号`,
      commentary: '各单位要对标先进。',
      acknowledged: true,
    }),
  },
  'GET /api/v1/bulletins': { access: 'bulletin.read' },
  'GET /api/v1/bulletins/{id}': { access: 'bulletin.read', id: 'bulletin' },
  'GET /api/v1/bulletins/{id}/docx': { access: 'bulletin.read', id: 'bulletin' },
  'GET /api/v1/bulletins/{id}/pdf': { access: 'bulletin.read', id: 'bulletin' },
  'GET /api/v1/bulletins/{id}/xlsx': { access: 'bulletin.read', id: 'bulletin' },
  'GET /api/v1/bulletins/{id}/regenerated': { access: 'bulletin.read', id: 'bulletin' },
  'GET /api/v1/bulletins/{id}/correction-draft': {
    access: 'bulletin.create',
    id: (c) => c.w.victim.latestBulletin(),
  },
  'POST /api/v1/bulletins/{id}/corrections': {
    access: 'bulletin.create',
    id: (c) => c.w.victim.latestBulletin(),
    body: () => ({ reason: '统计数据更正', acknowledged: true }),
  },
  // 企业库: a township's enterprises are its editors'; an enterprise account reaches its own (the own side's)
  'GET /api/v1/enterprises': { access: 'enterprise.read' },
  'POST /api/v1/enterprises': {
    access: 'enterprise.create',
    scope: 'unit',
    body: (c) => enterpriseBody(c.side.township, 1000 + c.n),
  },
  'GET /api/v1/enterprises/{id}': { access: 'enterprise.read', scope: 'unit', id: 'enterprise' },
  'PATCH /api/v1/enterprises/{id}': {
    access: 'enterprise.update',
    scope: 'unit',
    id: 'enterprise',
    body: (c) => ({ address: `兰溪市测试路${c.n}号` }),
  },
  'POST /api/v1/enterprises/{id}/licences': {
    access: 'enterprise.update',
    scope: 'unit',
    id: 'enterprise',
    body: (c) => licenceBody(c.n),
  },
  'GET /api/v1/licences': { access: 'enterprise.read' },
  'PATCH /api/v1/licences/{id}': {
    access: 'enterprise.update',
    scope: 'unit',
    id: 'licence',
    body: () => ({ validTo: '2030-06-30' }),
  },
  'DELETE /api/v1/licences/{id}': {
    access: 'enterprise.update',
    scope: 'unit',
    id: (c) => c.w.victim.licence(c.where),
  },
  // 涉企问题: what each party may do is test/tickets.test.ts; here who reaches a ticket at all. The step is one
  // the caller's party may take on an answered ticket: the enterprise rates it, the office and the handler note.
  'GET /api/v1/tickets': { access: 'ticket.read' },
  'POST /api/v1/tickets': {
    access: 'ticket.create',
    scope: 'unit',
    body: (c) => ({ enterpriseId: c.side.enterprise, category: 'energy', description: `用电增容${c.n}` }),
  },
  'GET /api/v1/tickets/summary': { access: 'ticket.read' },
  'GET /api/v1/tickets/{id}': { access: 'ticket.read', scope: 'unit', id: 'ticket' },
  'POST /api/v1/tickets/{id}/steps': {
    access: 'ticket.update',
    scope: 'unit',
    id: (c) => c.w.victim.answeredTicket(c.where),
    body: (c) =>
      c.role === 'enterprise'
        ? { step: 'rate', rating: 'satisfied', version: 4 }
        : { step: 'note', text: `已电话回访${c.n}`, version: 4 },
  },
  'POST /api/v1/tickets/{id}/attachments': {
    access: 'ticket.update',
    scope: 'unit',
    id: (c) => c.w.victim.answeredTicket(c.where),
    form: photoForm,
  },
  'GET /api/v1/ticket-attachments/{id}': { access: 'ticket.read', scope: 'unit', id: 'attachment' },
  'GET /api/v1/ticket-settings': { access: 'ticketSettings.read' },
  'PUT /api/v1/ticket-settings': {
    access: 'ticketSettings.update',
    body: () => ({ defaultProfile: '333', profiles: Object.values(SHIPPED_SLA_PROFILES) }),
  },
  // reminders: the county's offsets are the office's; each person keeps their own channels; the log is the admin's
  'GET /api/v1/reminder-settings': { access: 'ticketSettings.read' },
  'PUT /api/v1/reminder-settings': {
    access: 'ticketSettings.update',
    body: () => ({ licenceOffsets: [90, 60, 30, 7] }),
  },
  'GET /api/v1/me/notifications': { access: 'self' },
  'PUT /api/v1/me/notifications': { access: 'self', body: () => ({ email: null, events: {} }) },
  'GET /api/v1/notification-deliveries': { access: 'notificationLog.read' },
  'POST /api/v1/jobs/reminders': { access: 'ticketSettings.update' },
  // 招商: a township's deals are its editors'; the office's all; leaders and auditors read; enterprises nothing
  'GET /api/v1/deals': { access: 'deal.read' },
  'POST /api/v1/deals': {
    access: 'deal.create',
    scope: 'unit',
    body: (c) => ({
      name: `招商线索${c.n}`,
      sourceRegion: 'shenzhen',
      kind: 'industry',
      intendedInvestmentWan: 5000,
      unitId: c.side.township,
    }),
  },
  'GET /api/v1/deals/board': { access: 'deal.read' },
  'GET /api/v1/deals/funnel': { access: 'deal.read' },
  'GET /api/v1/deals/breakdown': { access: 'deal.read' },
  'GET /api/v1/deals/signed-not-started': { access: 'deal.read' },
  'GET /api/v1/deals/{id}': { access: 'deal.read', scope: 'unit', id: 'deal' },
  'PATCH /api/v1/deals/{id}': {
    access: 'deal.update',
    scope: 'unit',
    id: (c) => c.w.victim.lead(c.where),
    body: (c) => ({ patronLeader: `副县长${c.n}`, version: 1 }),
  },
  'POST /api/v1/deals/{id}/moves': {
    access: 'deal.update',
    scope: 'unit',
    id: (c) => c.w.victim.lead(c.where),
    body: () => ({ to: 'assessing', version: 1 }),
  },
  'POST /api/v1/deals/{id}/convert': {
    access: 'deal.update',
    scope: 'unit',
    id: (c) => c.w.victim.signedDeal(c.where),
    body: () => ({ version: 4, industryCode: '35' }),
  },
  'POST /api/v1/deals/{id}/activities': {
    access: 'deal.update',
    scope: 'unit',
    id: 'deal',
    body: (c) => ({ onDate: '2026-11-20', kind: 'call', attendees: '招商科', summary: `电话对接${c.n}` }),
  },
  'POST /api/v1/deals/{id}/funds': {
    access: 'deal.update',
    scope: 'unit',
    id: (c) => c.w.victim.signedDeal(c.where),
    body: () => ({ onDate: '2026-11-21', amountWan: 1000 }),
  },
  'GET /api/v1/deal-settings': { access: 'dealSettings.read' },
  'PUT /api/v1/deal-settings': {
    access: 'dealSettings.update',
    body: () => DEFAULT_DEAL_SETTINGS,
  },
  'GET /api/v1/deal-teams': { access: 'dealSettings.read' },
  'POST /api/v1/deal-teams': {
    access: 'dealSettings.update',
    body: (c) => ({ name: `招商小分队${c.n}`, unitId: c.side.township, memberIds: [] }),
  },
  'PUT /api/v1/deal-teams/{id}': {
    access: 'dealSettings.update',
    id: (c) => Promise.resolve(c.side.team),
    body: (c) => ({ name: `招商小分队改${c.n}`, unitId: c.side.township, memberIds: [] }),
  },
  'GET /api/v1/deal-targets': { access: 'deal.read' },
  'POST /api/v1/deal-targets': {
    access: 'deal.create',
    scope: 'unit',
    body: (c) => ({ chainKey: 'newMaterials', name: `目标企业${c.n}`, category: 'head', unitId: c.side.township }),
  },
  'PATCH /api/v1/deal-targets/{id}': {
    access: 'deal.update',
    scope: 'unit',
    id: (c) => Promise.resolve(c.side.target),
    body: (c) => ({ status: 'contacted', note: `已电话联系${c.n}` }),
  },
  'GET /api/v1/deal-teams/{id}/log': {
    access: 'deal.read',
    scope: 'unit',
    id: (c) => Promise.resolve(c.side.team),
    query: () => 'from=2026-11-16&to=2026-11-22',
  },
};
