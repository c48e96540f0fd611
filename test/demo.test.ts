import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENTERPRISE_COUNT } from '../src/domain/enterprises/demo-enterprises.ts';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { startTestServer, type TestServer } from './support/server.ts';

describe.each(await databaseKinds())('the demo county on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => server.close());

  it('loads 兰溪市 from the first-run page’s button and lists its accounts', async () => {
    const anon = new ApiClient(server.url);
    const res = await anon.post('/api/v1/setup/demo');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.projects).toBe(300);
    expect(res.body.reports).toBeGreaterThan(100);
    expect(res.body.approvals).toBeGreaterThan(100);
    expect(res.body.bulletins).toBe(3);
    const status = (await anon.get('/api/v1/setup')).body;
    expect(status).toMatchObject({ done: true, regionName: '兰溪市', demo: { password: 'lantern-demo' } });
    const usernames = status.demo.accounts.map((a: { username: string }) => a.username);
    expect(usernames).toEqual(
      expect.arrayContaining([
        'admin',
        'coordinator',
        'leader',
        'auditor',
        'enterprise',
        'lanjiang',
        'shanghua',
        'nvbu',
        'shuiting',
      ]),
    );
    expect((await anon.post('/api/v1/setup/demo')).status).toBe(409);
  }, 300_000);

  it('dates its history in the past, through the services: entered in January, every step audited, each light owed from the real entry', async () => {
    const k = server.db.kysely;
    const now = new Date().toISOString();
    const year = Number(now.slice(0, 4)) - (now.slice(5, 7) === '01' ? 1 : 0);
    const reports = await k
      .selectFrom('monthly_reports')
      .select(['state', 'submitted_at', 'reviewed_at', 'created_at'])
      .execute();
    const stamps = reports
      .flatMap((r) => [r.created_at, r.submitted_at, r.reviewed_at])
      .filter((x): x is string => !!x);
    expect(stamps.length).toBeGreaterThan(3000);
    expect(stamps.filter((at) => at > now)).toEqual([]);
    const projects = await k.selectFrom('projects').select(['id', 'created_at', 'stage']).execute();
    expect(projects.every((p) => p.created_at.slice(0, 7) === `${year}-01`)).toBe(true);
    // Every change went through a service and left its audit event, dated when it happened.
    const count = async (action: string) =>
      Number(
        (
          await k
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('action', '=', action)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('report.approve')).toBe(reports.filter((r) => r.state === 'approved').length);
    expect(await count('project.create')).toBe(300);
    expect(await count('report.return')).toBeGreaterThan(0);
    expect(await count('project.transition')).toBeGreaterThan(20);
    expect(await count('bulletin.publish')).toBe(3);
    const future = await k.selectFrom('audit_events').select('at').where('at', '>', now).execute();
    expect(future).toEqual([]);
    // Each bulletin froze only what had been approved before it was published.
    const bulletins = await k.selectFrom('bulletins').select(['published_at', 'period_index']).execute();
    for (const b of bulletins) expect(b.published_at < now).toBe(true);
    // A project that owes reports since January and never filed one is not green; past months have their lights.
    const filed = new Set(
      (await k.selectFrom('monthly_reports').select('project_id').execute()).map((r) => r.project_id),
    );
    const silent = projects
      .filter((p) => ['preparing', 'construction'].includes(p.stage) && !filed.has(p.id))
      .map((p) => p.id);
    expect(silent.length).toBeGreaterThan(0);
    const lights = await k
      .selectFrom('project_lights')
      .select(['project_id', 'colour'])
      .where('project_id', 'in', silent)
      .execute();
    expect(lights.filter((l) => l.colour === 'green')).toEqual([]);
    const months = await k
      .selectFrom('project_light_months')
      .select('month')
      .distinct()
      .where('year', '=', year)
      .execute();
    expect(months.length).toBeGreaterThanOrEqual(Math.min(11, Number(now.slice(5, 7)) - 1));
  });

  it('gives every role a working account and scopes the township editors', async () => {
    const leader = new ApiClient(server.url);
    await leader.signIn('leader', 'lantern-demo');
    const total = (await leader.get('/api/v1/projects?withTotal=true&limit=1')).body.total;
    expect(total).toBe(300);
    const editor = new ApiClient(server.url);
    await editor.signIn('lanjiang', 'lantern-demo');
    const mine = await editor.get('/api/v1/projects?withTotal=true&limit=200');
    expect(mine.body.total).toBeGreaterThan(0);
    expect(mine.body.total).toBeLessThan(300);
    expect(new Set(mine.body.items.map((p: { leadUnitName: string }) => p.leadUnitName))).toEqual(
      new Set(['兰江街道']),
    );
  });

  it('registers the townships’ enterprises with their licences, linked to the projects they own', async () => {
    const coordinator = new ApiClient(server.url);
    await coordinator.signIn('coordinator', 'lantern-demo');
    const registry = (await coordinator.get('/api/v1/enterprises?pageSize=1')).body;
    expect(registry.total).toBe(DEMO_ENTERPRISE_COUNT);
    // On the demo's today some licences have run out and some end within the month.
    const soon = (await coordinator.get('/api/v1/licences?withinDays=30&pageSize=200')).body;
    expect(soon.expired).toBeGreaterThan(0);
    expect(soon.total - soon.expired).toBeGreaterThan(0);
    expect(
      soon.items.some((l: { status: string; daysLeft: number }) => l.status === 'expiring' && l.daysLeft <= 30),
    ).toBe(true);
    // Through the service: each registration and licence audited; the registry's projects linked by credit code.
    const k = server.db.kysely;
    const audited = await k
      .selectFrom('audit_events')
      .select(['action', (eb) => eb.fn.countAll<number>().as('n')])
      .where('action', 'in', ['enterprise.create', 'licence.create'])
      .groupBy('action')
      .execute();
    const licences = await k.selectFrom('licences').select('id').execute();
    expect(Object.fromEntries(audited.map((a) => [a.action, Number(a.n)]))).toEqual({
      'enterprise.create': DEMO_ENTERPRISE_COUNT,
      'licence.create': licences.length,
    });
    const owned = await k.selectFrom('projects').select('id').where('enterprise_id', 'is not', null).execute();
    expect(owned.length).toBeGreaterThan(50);
  });

  it('gives the enterprise account one enterprise of its township that owns projects, and only that one', async () => {
    const anon = new ApiClient(server.url);
    const { demo } = (await anon.get('/api/v1/setup')).body;
    const account = demo.accounts.find((a: { username: string }) => a.username === 'enterprise');
    const firm = new ApiClient(server.url);
    await firm.signIn('enterprise', demo.password);
    const mine = (await firm.get('/api/v1/enterprises')).body;
    expect(mine.total).toBe(1);
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0].townshipName).toBe(account.unitName);
    expect(mine.items[0].projectCount).toBeGreaterThanOrEqual(1);
    const detail = (await firm.get(`/api/v1/enterprises/${mine.items[0].id}`)).body;
    expect(detail.projects.length).toBeGreaterThanOrEqual(1);
    expect(detail.canEdit).toBe(true);
  });

  it('has about 150 enterprise problems in every state, dated after their enterprise was registered, every step kept', async () => {
    const coordinator = new ApiClient(server.url);
    await coordinator.signIn('coordinator', 'lantern-demo');
    const all = (await coordinator.get('/api/v1/tickets?pageSize=200')).body;
    expect(all.total).toBeGreaterThanOrEqual(140);
    expect(all.total).toBeLessThanOrEqual(160);
    const items = all.items as { id: number; state: string; reopenCount: number; escalated: boolean; colour: string }[];
    expect(new Set(items.map((t) => t.state))).toEqual(
      new Set(['raised', 'accepted', 'rejected', 'handling', 'answered', 'closed']),
    );
    // Clocks run out at the cutoff escalate: red, and on the overdue board.
    const overdue = (await coordinator.get('/api/v1/tickets?overdue=true&pageSize=200')).body;
    expect(overdue.total).toBeGreaterThan(0);
    expect(overdue.items.every((t: { escalated: boolean; colour: string }) => t.escalated && t.colour === 'red')).toBe(
      true,
    );
    expect(items.filter((t) => t.reopenCount === 1).map((t) => [t.state, t.escalated])).toEqual([['closed', false]]);
    expect(items.filter((t) => t.reopenCount === 2).map((t) => [t.state, t.escalated])).toEqual([['handling', true]]);
    const summary = (await coordinator.get('/api/v1/tickets/summary')).body;
    expect(summary.escalated).toBeGreaterThan(0);
    expect(summary.rated).toBe(items.filter((t) => t.state === 'closed').length);
    expect(summary.satisfactionPercent).toBeGreaterThan(50);
    // Three extensions granted; a ticket's timeline holds every step, in the past.
    const k = server.db.kysely;
    const granted = await k.selectFrom('tickets').select('id').where('extension_state', '=', 'granted').execute();
    expect(granted).toHaveLength(3);
    const now = new Date().toISOString();
    const events = await k
      .selectFrom('ticket_events as e')
      .innerJoin('tickets as t', 't.id', 'e.ticket_id')
      .innerJoin('enterprises as n', 'n.id', 't.enterprise_id')
      .select(['e.step', 'e.at', 'n.created_at as registered'])
      .execute();
    expect(events.filter((e) => e.at > now || e.at <= e.registered)).toEqual([]);
    const steps = new Set(events.map((e) => e.step));
    for (const step of ['raise', 'accept', 'assign', 'reply', 'answer', 'rate', 'reopen', 'reject', 'escalate'])
      expect(steps).toContain(step);
    expect(steps).toContain('requestExtension');
    const audited = await k
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', 'in', ['ticket.raise', 'ticket.step', 'ticket.escalate'])
      .executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(events.length);
  });

  it('lets the enterprise account see only its own problems, one answered for it to rate', async () => {
    const firm = new ApiClient(server.url);
    await firm.signIn('enterprise', 'lantern-demo');
    const own = (await firm.get('/api/v1/enterprises')).body.items[0];
    const mine = (await firm.get('/api/v1/tickets?pageSize=200')).body;
    expect(mine.total).toBeGreaterThanOrEqual(3);
    expect(mine.items.every((t: { enterprise: { id: number } }) => t.enterprise.id === own.id)).toBe(true);
    const answered = mine.items.filter((t: { state: string }) => t.state === 'answered');
    expect(answered.length).toBeGreaterThanOrEqual(1);
    const detail = (await firm.get(`/api/v1/tickets/${answered[0].id}`)).body;
    expect(detail.steps).toContain('rate');
    expect(detail.events.map((e: { step: string }) => e.step)).toEqual(expect.arrayContaining(['raise', 'answer']));
    const others = (await firm.get('/api/v1/tickets?pageSize=200&state=closed')).body.items;
    expect(others.every((t: { enterprise: { id: number } }) => t.enterprise.id === own.id)).toBe(true);
  });

  it('spreads projects over every stage, a long tail of investments and the four lists', async () => {
    const admin = new ApiClient(server.url);
    await admin.signIn('admin', 'lantern-demo');
    const all = (await admin.get('/api/v1/projects?limit=200')).body.items.concat(
      (
        await admin.get(
          `/api/v1/projects?limit=200&cursor=${(await admin.get('/api/v1/projects?limit=200')).body.nextCursor}`,
        )
      ).body.items,
    );
    expect(all).toHaveLength(300);
    const stages = new Set(all.map((p: { stage: string }) => p.stage));
    for (const s of [
      'planning',
      'reserve',
      'preparing',
      'construction',
      'completed',
      'production',
      'capacity',
      'suspended',
      'dropped',
    ])
      expect(stages).toContain(s);
    const wan = all.map((p: { totalInvestmentYuan: number }) => p.totalInvestmentYuan / 10_000);
    expect(wan.filter((w: number) => w < 5000).length / wan.length).toBeGreaterThan(0.4);
    expect(Math.max(...wan)).toBeGreaterThan(100_000);
    const lists = (await admin.get('/api/v1/project-lists')).body.lists;
    for (const name of ['planning', 'reserve', 'start', 'production']) expect(lists[name].count).toBeGreaterThan(0);
    expect(lists.start.done).toBeGreaterThan(0);
    expect(lists.start.pending).toBeGreaterThan(0);
  });

  it('has targets, a monthly race and its bulletins for the last three months', async () => {
    const coordinator = new ApiClient(server.url);
    await coordinator.signIn('coordinator', 'lantern-demo');
    const bulletins = (await coordinator.get('/api/v1/bulletins')).body.items;
    expect(bulletins.map((b: { docNumber: string }) => b.docNumber).sort()).toEqual([
      '兰项绩办〔2026〕1号',
      '兰项绩办〔2026〕2号',
      '兰项绩办〔2026〕3号',
    ]);
    const months = bulletins.map((b: { periodIndex: number }) => b.periodIndex).sort((a: number, b: number) => a - b);
    expect(months[2] - months[0]).toBe(2);
    // The month after the last bulletin's is not reported on yet: its ranking is live, the bulletin's period frozen.
    const latest = bulletins.reduce((a: { periodIndex: number }, b: { periodIndex: number }) =>
      b.periodIndex > a.periodIndex ? b : a,
    );
    const ranking = (await coordinator.get(`/api/v1/races/${latest.raceId}/ranking`)).body;
    const published = (
      await coordinator.get(`/api/v1/races/${latest.raceId}/ranking?year=${latest.year}&period=${latest.periodIndex}`)
    ).body;
    expect(published.publishedBulletinId).toBe(latest.id);
    const townships = ranking.groups.find((g: { group: string }) => g.group === 'townships');
    expect(townships.top.length).toBeGreaterThanOrEqual(3);
    expect(townships.bottom.length).toBeGreaterThanOrEqual(3);
    // Ranks move between published months: the history holds all three.
    expect(published.history.periods).toHaveLength(3);
    const dashboard = (await coordinator.get('/api/v1/dashboard')).body;
    expect(dashboard.latestBulletin).toMatchObject({ id: latest.id, docNumber: latest.docNumber });
    expect(dashboard.race).toMatchObject({ raceId: bulletins[0].raceId, period: { label: ranking.period.label } });
    expect(
      dashboard.race.groups
        .find((g: { label: { 'zh-CN': string } }) => g.label['zh-CN'] === '乡镇街道')
        .top.map((u: { unitId: number }) => u.unitId),
    ).toEqual(townships.top.map((u: { unitId: number }) => u.unitId));
    const targets = (await coordinator.get('/api/v1/targets?year=2026')).body.items;
    expect(targets.filter((t: { indicator: string }) => t.indicator === 'fixedAssetInvestment').length).toBeGreaterThan(
      10,
    );
  });
});
