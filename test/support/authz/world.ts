import path from 'node:path';
import fs from 'node:fs';
import { ApiClient } from '../client.ts';
import type { DatabaseKind } from '../databases.ts';
import { ADMIN_PASSWORD, buildUser, PASSWORD } from '../factories.ts';
import { good, HEADER } from '../imports.ts';
import { tmpDir, writeLedger } from '../ledgers.ts';
import { buildEnterprise, licenceBody } from '../enterprises.ts';
import { buildProject } from '../projects.ts';
import { buildRaceCounty, publishFromDraft, STATISTICS_RACE } from '../race-county.ts';
import { picture } from '../report-photos.ts';
import { startTestServer, type TestServer } from '../server.ts';
import { ROLES, type Role } from '../../../src/domain/access/roles.ts';

/** Everything is dated against a fixed today, 2026-11-23: October 2026 is the last finished month. */
export const TODAY = new Date('2026-11-23T10:00:00Z');

/** "own": inside 兰江街道, the editor's and the enterprise's township; "other": inside 上华街道. */
export type Where = 'own' | 'other';
export const WHERES: readonly Where[] = ['own', 'other'];

/** The objects one side of the county holds, made once and only read (or changed harmlessly) by the cases. */
export interface Side {
  township: number;
  village: number;
  user: number;
  project: number;
  /** A draft report of `project`, with one photo. */
  report: number;
  photo: number;
  /** An uploaded, not yet committed project ledger into `township`. */
  import: number;
  /** An enterprise registered in `township` (own: the enterprise account's), with one licence. */
  enterprise: number;
  licence: number;
  /** A ticket raised for `enterprise`, not yet accepted, with one photo attached. */
  ticket: number;
  attachment: number;
  /** A lead (线索) led by `township`. */
  deal: number;
  /** A team (招商小分队) of `township`. */
  team: number;
  /** A target enterprise approached by `township`. */
  target: number;
}

export interface World {
  server: TestServer;
  as: Record<Role, ApiClient>;
  usernames: Record<Role, string>;
  /** A person no case acts as: the owner of the "other" tokens, and who anonymous signs in as. */
  bystander: { client: ApiClient; username: string };
  side: Record<Where, Side>;
  raceId: number;
  /** A race of one computed indicator (projectsStarted), whose figures have records behind them. */
  projectRaceId: number;
  bulletinId: number;
  /** A fresh client of the role's user, signed in anew (to sign out without ending the shared session). */
  signIn(role: Role): Promise<ApiClient>;
  passwordOf(username: string): string;
  /** Objects made for one case, because the case consumes or changes them for good. */
  victim: Victims;
  /** A number never handed out before on this server, for names. */
  seq(): number;
  /** The next month of a series never handed out before (report months of a project, locked months), from January of `fromYear`. */
  period(key: string, fromYear: number): { year: number; month: number };
  /** A form uploading a small project ledger (one good row, one bad) into the side's township. */
  ledgerForm(where: Where): Promise<FormData>;
  /** The mapping an import was given, to send back unchanged. */
  mappingOf(importId: number): Promise<unknown>;
}

export interface Victims {
  unit(where: Where): Promise<number>;
  project(where: Where): Promise<number>;
  report(where: Where, state: 'draft' | 'submitted' | 'approved'): Promise<number>;
  photo(where: Where): Promise<number>;
  import(where: Where): Promise<number>;
  race(): Promise<number>;
  /** The bulletin now in force (a correction supersedes the one it corrects). */
  latestBulletin(): Promise<number>;
  licence(where: Where): Promise<number>;
  /** A ticket of the side's enterprise handled by its township and answered (version 4): ready to rate or note. */
  answeredTicket(where: Where): Promise<number>;
  /** A token of the caller's own (own) or of the bystander's (other). */
  token(where: Where, role: Role | null): Promise<number>;
  /** A fresh lead led by the side's township (version 1). */
  lead(where: Where): Promise<number>;
  /** A deal of the side's township signed and not converted (version 4): ready to convert or fund. */
  signedDeal(where: Where): Promise<number>;
}

async function ok<T = any>(what: string, res: Promise<{ status: number; body: T }>): Promise<T> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** One server and county per database: six roles, the two sides' objects, a race with a published bulletin. */
export async function buildWorld(kind: DatabaseKind): Promise<World> {
  const server = await startTestServer(kind, { clock: () => TODAY });
  const county = await buildRaceCounty(server.url);
  const admin = county.admin;
  await county.fill();
  const units = (await admin.get('/api/v1/units')).body.items as {
    id: number;
    name: string;
    parentId: number | null;
  }[];
  const unitId = (name: string) => units.find((u) => u.name === name)!.id;
  const root = units.find((u) => u.parentId === null)!.id;
  const lanjiang = unitId('兰江街道');

  const as = { admin, coordinator: county.coordinator, unit_editor: county.editor } as Record<Role, ApiClient>;
  const usernames: Record<Role, string> = {
    admin: 'admin',
    coordinator: 'coordinator',
    unit_editor: 'lanjiang',
    leader: 'leader-1',
    enterprise: 'enterprise-1',
    auditor: 'auditor-1',
  };
  const enterprises = {
    own: await buildEnterprise(admin, lanjiang, 1),
    other: await buildEnterprise(admin, unitId('上华街道'), 2),
  };
  for (const [role, unit] of [
    ['leader', root],
    ['auditor', root],
    ['enterprise', lanjiang],
  ] as const) {
    const enterpriseId = role === 'enterprise' ? enterprises.own : undefined;
    as[role] = (
      await buildUser(admin, server.url, { username: usernames[role], role, unitId: unit, enterpriseId })
    ).client;
  }
  const bystander = { username: 'bystander', client: new ApiClient(server.url) };
  await buildUser(admin, server.url, { username: bystander.username, role: 'leader', unitId: root });
  await bystander.client.signIn(bystander.username, PASSWORD);

  let n = 0;
  const seq = () => ++n;
  const ledgerDir = tmpDir();
  const side = {} as Record<Where, Side>;
  const months = new Map<string, number>();
  const period = (key: string, fromYear: number) => {
    const k = months.get(key) ?? 0;
    months.set(key, k + 1);
    return { year: fromYear + Math.floor(k / 12), month: (k % 12) + 1 };
  };
  const ledgerForm = async (where: Where) => {
    const file = path.join(ledgerDir, `ledger-${seq()}.xlsx`);
    const k = seq();
    const rows = [good(1, `台账项目${k}`, null), good(2, `台账坏行${k}`, null, { 9: '很多' })];
    await writeLedger(file, { title: '重点项目台账', header: HEADER, rows });
    const form = new FormData();
    form.append('unitId', String(side[where].township));
    form.append('file', new Blob([new Uint8Array(fs.readFileSync(file))]), 'ledger.xlsx');
    return form;
  };

  const raiseTicket = async (where: Where) => {
    const body = { enterpriseId: side[where].enterprise, category: 'land', description: `用地指标不足${seq()}` };
    return (await ok('ticket', admin.post('/api/v1/tickets', body))).id as number;
  };

  const lead = async (where: Where) => {
    const body = {
      name: `招商线索${seq()}`,
      investorName: '浙江测试投资有限公司',
      sourceRegion: 'hangzhou',
      kind: 'industry',
      intendedInvestmentWan: 20000,
      unitId: side[where].township,
    };
    return (await ok('deal', admin.post('/api/v1/deals', body))).id as number;
  };

  const victim: Victims = {
    lead,
    async signedDeal(where) {
      const id = await lead(where);
      await ok('assess', admin.post(`/api/v1/deals/${id}/moves`, { to: 'assessing', version: 1 }));
      await ok('negotiate', admin.post(`/api/v1/deals/${id}/moves`, { to: 'negotiating', version: 2 }));
      const sign = { to: 'signed', version: 3, signedOn: '2026-11-20', signedAmountWan: 30000 };
      await ok('sign', admin.post(`/api/v1/deals/${id}/moves`, sign));
      return id;
    },
    async unit(where) {
      const body = { parentId: side[where].township, name: `待删村${seq()}`, kind: 'village' };
      return (await ok('victim unit', admin.post('/api/v1/units', body))).id;
    },
    async project(where) {
      return (await buildProject(admin, side[where].village, { name: `受试项目${seq()}` })).id;
    },
    async report(where, state) {
      const project = side[where].project;
      const body = { ...period(`reports-${project}`, 2020), amountWan: 10 };
      const id = (await ok('victim report', admin.post(`/api/v1/projects/${project}/reports`, body))).id as number;
      if (state !== 'draft') await ok('submit', admin.post(`/api/v1/reports/${id}/submit`));
      if (state === 'approved') await ok('approve', admin.post(`/api/v1/reports/${id}/approve`));
      return id;
    },
    async photo(where) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(await picture(64, 48))], { type: 'image/jpeg' }), 'site.jpg');
      return (await ok('photo', admin.postMultipart(`/api/v1/reports/${side[where].report}/photos`, form))).id;
    },
    async import(where) {
      return (await ok('import', admin.postMultipart('/api/v1/imports', await ledgerForm(where)))).id;
    },
    async licence(where) {
      const body = licenceBody(seq());
      return (await ok('licence', admin.post(`/api/v1/enterprises/${side[where].enterprise}/licences`, body))).id;
    },
    async answeredTicket(where) {
      const id = await raiseTicket(where);
      await ok('accept', admin.post(`/api/v1/tickets/${id}/steps`, { step: 'accept', version: 1 }));
      const assign = { step: 'assign', handlingUnitId: side[where].township, version: 2 };
      await ok('assign', admin.post(`/api/v1/tickets/${id}/steps`, assign));
      await ok('answer', admin.post(`/api/v1/tickets/${id}/steps`, { step: 'answer', text: '已协调解决', version: 3 }));
      return id;
    },
    async race() {
      return (await ok('race', admin.post('/api/v1/races', { ...STATISTICS_RACE, name: `待删赛马${seq()}` }))).id;
    },
    async latestBulletin() {
      const items = (await ok('bulletins', admin.get(`/api/v1/bulletins?raceId=${raceId}`))).items as {
        id: number;
        supersededBy?: number | null;
      }[];
      return Math.max(...items.map((b) => b.id));
    },
    async token(where, role) {
      const owner = where === 'own' && role ? as[role] : bystander.client;
      return (await ok('token', owner.post('/api/v1/tokens', { name: `令牌${seq()}` }))).id;
    },
  };

  for (const [where, township, village] of [
    ['own', '兰江街道', '李渔社区'],
    ['other', '上华街道', '新周村'],
  ] as const) {
    const t = unitId(township);
    const v = (await ok('village', admin.post('/api/v1/units', { parentId: t, name: village, kind: 'village' }))).id;
    const user = (await buildUser(admin, server.url, { username: `staff-${where}`, role: 'unit_editor', unitId: v }))
      .id;
    const project = (
      await buildProject(admin, v, {
        name: `${village}安置房工程`,
        stage: 'construction',
        plannedStartDate: '2019-01-10',
        actualStartDate: '2019-01-20',
        totalInvestmentWan: 20000,
      })
    ).id;
    const enterprise = enterprises[where];
    side[where] = {
      ...{ township: t, village: v, user, project, report: 0, photo: 0, import: 0 },
      ...{ enterprise, licence: 0, ticket: 0, attachment: 0, deal: 0, team: 0, target: 0 },
    };
    side[where].deal = await lead(where);
    const team = { name: `${township}招商小分队`, unitId: t, memberIds: [] };
    side[where].team = (await ok('team', admin.post('/api/v1/deal-teams', team))).id;
    const target = { chainKey: 'electronics', name: `${township}目标企业`, category: 'unicorn', unitId: t };
    side[where].target = (await ok('target', admin.post('/api/v1/deal-targets', target))).id;
    side[where].licence = await victim.licence(where);
    side[where].ticket = await raiseTicket(where);
    const photo = new FormData();
    photo.append('file', new Blob([new Uint8Array(await picture(64, 48))], { type: 'image/jpeg' }), 'site.jpg');
    side[where].attachment = (
      await ok('attachment', admin.postMultipart(`/api/v1/tickets/${side[where].ticket}/attachments`, photo))
    ).id;
    side[where].report = await victim.report(where, 'draft');
    side[where].photo = await victim.photo(where);
    side[where].import = await victim.import(where);
    await ok('dry run', admin.post(`/api/v1/imports/${side[where].import}/dry-run`));
  }

  const raceId = county.raceId;
  const bulletinId = (await ok('publish', publishFromDraft(admin, raceId, 2026, 10))).id as number;
  const indicators = [{ key: 'projectsStarted', weight: 100, method: 'efficacyCoefficient', params: {} }];
  const projectRace = { ...STATISTICS_RACE, name: '2026年项目开工赛马', indicators };
  const projectRaceId = (await ok('project race', admin.post('/api/v1/races', projectRace))).id as number;

  return {
    server,
    as,
    usernames,
    bystander,
    side,
    raceId,
    projectRaceId,
    bulletinId,
    victim,
    seq,
    period,
    ledgerForm,
    async mappingOf(importId) {
      const record = await ok('import', admin.get(`/api/v1/imports/${importId}`));
      return { columns: record.mapping?.columns ?? {} };
    },
    passwordOf: (username) => (username === 'admin' ? ADMIN_PASSWORD : PASSWORD),
    async signIn(role) {
      const client = new ApiClient(server.url);
      await client.signIn(usernames[role], role === 'admin' ? ADMIN_PASSWORD : PASSWORD);
      return client;
    },
  };
}

export { ROLES, type Role };
