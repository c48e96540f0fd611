import { sql, type Kysely } from 'kysely';
import { addDays } from '../src/domain/demo/dates.ts';
import { localDate } from '../src/domain/calendar/local-date.ts';
import { makeCreditCode } from '../src/domain/enterprises/credit-code.ts';
import { enterpriseNameKey } from '../src/domain/enterprises/enterprise-match.ts';
import { LICENCE_TYPES } from '../src/domain/enterprises/enterprise-fields.ts';
import { createBulkInsert, type BulkInsert, type Value } from '../src/server/db/bulk-insert.ts';
import type { Db } from '../src/server/db/client.ts';
import type { DB } from '../src/server/db/schema.ts';
import { rng } from './projects.bench.ts';
import {
  cutoffAfter,
  DAY,
  EVENT_COLUMNS,
  picker,
  TICKET_COLUMNS,
  ticketLife,
  TZ,
  type TicketCountyPeople,
  type UnitRow,
} from './ticket-lives.ts';

/**
 * The county of the tickets benchmark, written straight into the tables in bulk (createBulkInsert, one
 * transaction per batch) as the services would have left it: a unit tree of about 2,700 units (the county,
 * its townships and streets and a few departments, their villages and offices), enterprises registered in
 * the townships with their licences, accounts of some of them, projects owned by some, and open tickets
 * whose every step was replayed through the domain's clocks (duesAfter), each kept as its event with the
 * `after` the service writes. The daily cutoff is taken to have run every night up to `at`: a ticket whose
 * clock ran out before one of those cutoffs was escalated by it (its event, a red light); every other light
 * is as its last step or cutoff computed it (green).
 */

/** What was written, for the bench's first line. */
export interface TicketCountyFigures {
  units: number;
  enterprises: number;
  licences: number;
  tickets: number;
  events: number;
  coUnits: number;
  byState: Record<string, number>;
  /** Escalated by the cutoffs before `at`, and past a running deadline at `at`. */
  escalated: number;
  overdue: number;
}

const UNITS_TOTAL = 2_700;
const DEPARTMENTS = [
  '发展和改革局',
  '经济和信息化局',
  '自然资源和规划局',
  '住房和城乡建设局',
  '生态环境分局',
  '市场监督管理局',
  '商务局',
];
const OFFICES_PER_DEPARTMENT = 12;

/** Inserts rows in batches, each batch a transaction of its own; returns the ids when asked. */
async function insertAll(
  db: Db,
  insert: BulkInsert,
  table: keyof DB,
  columns: readonly string[],
  rows: Value[][],
  returning = false,
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 20_000) {
    const part = rows.slice(i, i + 20_000);
    ids.push(...(await db.kysely.transaction().execute((trx) => insert(trx, table, columns, part, returning))));
  }
  return ids;
}

/** The paths of newly inserted units ('/pending/'), from their parents': one statement per level. */
const settlePaths = (ex: Kysely<DB>) =>
  sql`UPDATE units SET
        path = (SELECT p.path FROM units p WHERE p.id = units.parent_id) || CAST(units.id AS VARCHAR(12)) || '/',
        depth = (SELECT p.depth FROM units p WHERE p.id = units.parent_id) + 1
      WHERE path = '/pending/'`.execute(ex);

/** Departments below the county, then villages below the townships and offices below the departments. */
async function buildUnitTree(db: Db, insert: BulkInsert, at: string) {
  const columns = [
    'parent_id',
    'name',
    'kind',
    'region_code',
    'path',
    'depth',
    'sort_order',
    'created_at',
    'updated_at',
  ];
  const root = await db.kysely.selectFrom('units').selectAll().where('parent_id', 'is', null).executeTakeFirstOrThrow();
  const townships = await db.kysely.selectFrom('units').selectAll().where('depth', '=', 1).orderBy('id').execute();
  const unit = (parent: number, name: string, kind: string, i: number): Value[] => [
    parent,
    name,
    kind,
    null,
    '/pending/',
    0,
    i,
    at,
    at,
  ];
  await db.kysely.transaction().execute(async (trx) => {
    await insert(
      trx,
      'units',
      columns,
      DEPARTMENTS.map((name, i) => unit(root.id, name, 'department', 100 + i)),
    );
    await settlePaths(trx);
  });
  const departments = await db.kysely
    .selectFrom('units')
    .selectAll()
    .where('kind', '=', 'department')
    .orderBy('id')
    .execute();
  const offices = departments.flatMap((d) =>
    Array.from({ length: OFFICES_PER_DEPARTMENT }, (_, i) => unit(d.id, `${d.name}第${i + 1}科室`, 'other', i)),
  );
  const villageCount = UNITS_TOTAL - 1 - townships.length - departments.length - offices.length;
  const villages = Array.from({ length: villageCount }, (_, i) => {
    const t = townships[i % townships.length]!;
    const n = Math.floor(i / townships.length) + 1;
    return unit(t.id, `${t.name.replace(/(街道|镇|乡)$/, '')}${n}${t.kind === 'street' ? '社区' : '村'}`, 'village', n);
  });
  await db.kysely.transaction().execute(async (trx) => {
    await insert(trx, 'units', columns, [...offices, ...villages]);
    await settlePaths(trx);
  });
  const all = await db.kysely.selectFrom('units').selectAll().orderBy('id').execute();
  return { root, townships, departments, all };
}

/**
 * Writes the county's enterprises, accounts, projects' owners, licences and tickets into a database that
 * has the county set up and `people` created, with `projectIds` already generated; `at` is the moment
 * the data is as of. Deterministic for a given `tickets`.
 */
export async function seedTicketCounty(
  db: Db,
  opts: { tickets: number; enterprises: number; at: Date; people: TicketCountyPeople },
): Promise<TicketCountyFigures> {
  const rand = rng(2718);
  const { pick, weighted, between, chance } = picker(rand);
  const insert = createBulkInsert(db.sqlite);
  const atIso = opts.at.toISOString();
  const t0 = opts.at.getTime();
  const { root, townships, departments, all } = await buildUnitTree(db, insert, atIso);
  const byId = new Map(all.map((u) => [u.id, u]));
  const villagesOf = new Map(townships.map((t) => [t.id, all.filter((u) => u.parent_id === t.id)]));

  // Enterprises: streets hold most, 镇 fewer, 乡 fewest (as the demo county spreads them).
  const placeWeights = townships.map((t) => [t, t.kind === 'street' ? 3 : t.name.endsWith('镇') ? 1.5 : 0.5] as const);
  const enterpriseTownship: UnitRow[] = [];
  const enterpriseRows: Value[][] = [];
  const industries = ['17', '29', '27', '39', '13', '26', '33', '34', '38', '30'];
  const trades = ['纺织', '新材料', '机械', '电子', '食品', '化工', '建材', '医药', '包装', '五金'];
  for (let i = 0; i < opts.enterprises; i++) {
    const t = weighted(placeWeights);
    const name = `兰溪市${t.name.slice(0, 2)}${trades[i % trades.length]}${i + 1}号有限公司`;
    enterpriseTownship.push(t);
    enterpriseRows.push([
      name,
      enterpriseNameKey(name),
      makeCreditCode(`91330781${String(i + 1).padStart(9, '0')}`),
      industries[i % industries.length]!,
      chance(0.25) ? 'above' : 'below',
      t.id,
      t.path,
      `兰溪市${t.name}工业路${1 + (i % 400)}号`,
      JSON.stringify([{ name: '王经理', phone: `138579${String(i % 100_000).padStart(5, '0')}`, role: '总经理' }]),
      chance(0.1) ? ',specialised,' : '',
      atIso,
      atIso,
    ]);
  }
  const enterpriseIds = await insertAll(
    db,
    insert,
    'enterprises',
    [
      'name',
      'name_key',
      'credit_code',
      'industry_code',
      'scale',
      'township_unit_id',
      'unit_path',
      'address',
      'contacts_json',
      'flags',
      'created_at',
      'updated_at',
    ],
    enterpriseRows,
    true,
  );

  // Licences: most enterprises hold one, some two, ending as the demo's do (a few expired, a fifth within the
  // reminder windows of 90 days, the rest later).
  const today = localDate(opts.at, TZ);
  const licenceRows: Value[][] = [];
  const endsIn: [[number, number], number][] = [
    [[-180, -1], 4],
    [[0, 90], 18],
    [[91, 5 * 365], 78],
  ];
  enterpriseIds.forEach((id, i) => {
    const n = chance(0.7) ? 1 : chance(0.6) ? 2 : 0;
    for (let k = 0; k < n; k++) {
      const validTo = addDays(today, Math.round(between(...weighted(endsIn))));
      licenceRows.push([
        id,
        pick(LICENCE_TYPES),
        `91330781PW${String(i * 2 + k).padStart(6, '0')}`,
        '金华市生态环境局兰溪分局',
        addDays(validTo, -5 * 365),
        validTo,
        atIso,
        atIso,
      ]);
    }
  });
  await insertAll(
    db,
    insert,
    'licences',
    ['enterprise_id', 'type', 'number', 'issuer', 'valid_from', 'valid_to', 'created_at', 'updated_at'],
    licenceRows,
  );

  // Accounts: one for every fifth enterprise; an editor for every township and department but the bench's own.
  const userColumns = [
    'username',
    'display_name',
    'password_hash',
    'role',
    'unit_id',
    'enterprise_id',
    'is_active',
    'locale',
    'created_at',
    'updated_at',
  ];
  // Never a hash any password matches: these accounts only raise and handle tickets, nobody signs in as them.
  const noPassword = '!bench';
  const accountOf = new Map<number, { id: number; name: string }>();
  const accountRows = enterpriseIds.flatMap((id, i) =>
    i % 5 === 0
      ? [[`firm${i}`, `企业${i}联系人`, noPassword, 'enterprise', enterpriseTownship[i]!.id, id, 1, null, atIso, atIso]]
      : [],
  );
  const accountIds = await insertAll(db, insert, 'users', userColumns, accountRows, true);
  accountIds.forEach((userId, k) =>
    accountOf.set(accountRows[k]![5] as number, { id: userId, name: String(accountRows[k]![1]) }),
  );
  const editorUnits = [...townships, ...departments].filter((u) => u.id !== opts.people.editor.townshipId);
  const editorIds = await insertAll(
    db,
    insert,
    'users',
    userColumns,
    editorUnits.map((u) => [
      `editor${u.id}`,
      `${u.name}经办人`,
      noPassword,
      'unit_editor',
      u.id,
      null,
      1,
      null,
      atIso,
      atIso,
    ]),
    true,
  );
  const editorOf = new Map(editorUnits.map((u, k) => [u.id, { id: editorIds[k]!, name: `${u.name}经办人` }]));
  editorOf.set(opts.people.editor.townshipId, { id: opts.people.editor.id, name: opts.people.editor.name });

  // Half the projects are owned by an enterprise of their lead unit's township.
  const projects = await db.kysely.selectFrom('projects').select(['id', 'lead_unit_id']).orderBy('id').execute();
  const enterprisesIn = new Map<number, number[]>();
  enterpriseIds.forEach((id, i) => {
    const t = enterpriseTownship[i]!.id;
    enterprisesIn.set(t, [...(enterprisesIn.get(t) ?? []), id]);
  });
  const projectsOf = new Map<number, number[]>();
  await db.kysely.transaction().execute(async (trx) => {
    for (const p of projects.filter((_, i) => i % 2 === 0)) {
      const candidates = enterprisesIn.get(p.lead_unit_id);
      if (!candidates?.length) continue;
      const owner = pick(candidates);
      projectsOf.set(owner, [...(projectsOf.get(owner) ?? []), p.id]);
      await trx.updateTable('projects').set({ enterprise_id: owner }).where('id', '=', p.id).execute();
    }
  });

  const figures: TicketCountyFigures = {
    units: all.length,
    enterprises: enterpriseIds.length,
    licences: licenceRows.length,
    tickets: 0,
    events: 0,
    coUnits: 0,
    byState: {},
    escalated: 0,
    overdue: 0,
  };
  const lastCutoff = cutoffAfter(t0 - DAY);
  const life = ticketLife({ rand, pick, weighted, between, chance }, opts.people, {
    root,
    byId,
    departments,
    villagesOf,
    townships,
  });
  const BATCH = 10_000;
  for (let done = 0; done < opts.tickets;) {
    const lives: ReturnType<typeof life>[] = [];
    for (let i = 0; i < BATCH && done < opts.tickets; i++, done++) {
      // Some enterprises raise many problems, most a few.
      const e = Math.floor(rand() ** 1.6 * enterpriseIds.length);
      const enterpriseId = enterpriseIds[e]!;
      lives.push(
        life({
          enterpriseId,
          township: enterpriseTownship[e]!,
          account: accountOf.get(enterpriseId) ?? null,
          projects: projectsOf.get(enterpriseId) ?? [],
          editorOf,
          t0,
          lastCutoff,
        }),
      );
    }
    await db.kysely.transaction().execute(async (trx) => {
      const ids = await insert(
        trx,
        'tickets',
        TICKET_COLUMNS,
        lives.map((l) => l.row),
        true,
      );
      const events = lives.flatMap((l, k) => l.events.map((ev) => [ids[k]!, ...ev]));
      await insert(trx, 'ticket_events', EVENT_COLUMNS, events);
      const coUnits = lives.flatMap((l, k) => l.coUnits.map((u) => [ids[k]!, u]));
      await insert(trx, 'ticket_co_units', ['ticket_id', 'unit_id'], coUnits);
      figures.events += events.length;
      figures.coUnits += coUnits.length;
    });
    for (const l of lives) {
      figures.byState[l.state] = (figures.byState[l.state] ?? 0) + 1;
      if (l.escalated) figures.escalated++;
      if (l.nextDue !== null && l.nextDue < atIso) figures.overdue++;
    }
    figures.tickets += lives.length;
  }
  return figures;
}
