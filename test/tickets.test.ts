import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_SLA_PROFILES } from '../src/domain/tickets/sla.ts';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { buildEnterprise, creditCodeFor } from './support/enterprises.ts';
import { ADMIN_PASSWORD, buildUser, PASSWORD, setUpCounty } from './support/factories.ts';
import { buildProject } from './support/projects.ts';
import { createTicketRepository } from '../src/server/features/tickets/tickets.repository.ts';
import { picture } from './support/report-photos.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// 涉企问题 over HTTP: the closed loop from an enterprise's account to its rating, what each party sees, the
// clocks of the "333" profile across National Day 2026 (10-01 … 10-07 off, Saturday 10-10 worked), escalation
// when a clock runs out and after two reopenings, the one extension, and bad input that changes nothing.
describe.each(await databaseKinds())('tickets on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let coordinator: ApiClient;
  let lanjiang: ApiClient;
  let yunshan: ApiClient;
  let firm: ApiClient;
  let rival: ApiClient;
  let unit: (name: string) => { id: number };
  let firmId: number;
  let projectId: number;
  // Wednesday 2026-09-30, 10:00 in Lanxi.
  let now = new Date('2026-09-30T02:00:00Z');

  beforeAll(async () => {
    server = await startTestServer(kind, { clock: () => now });
    ({ admin, unit } = await setUpCounty(server.url));
    const township = unit('兰江街道').id;
    coordinator = (await buildUser(admin, server.url, { username: 'office', role: 'coordinator', unitId: township }))
      .client;
    lanjiang = (await buildUser(admin, server.url, { username: 'lanjiang', role: 'unit_editor', unitId: township }))
      .client;
    yunshan = (
      await buildUser(admin, server.url, { username: 'yunshan', role: 'unit_editor', unitId: unit('云山街道').id })
    ).client;
    projectId = (
      await buildProject(admin, township, {
        name: '兰江智能装备产业园',
        ownerCreditCode: creditCodeFor(1),
        patronLeader: '李副市长',
      })
    ).id;
    firmId = await buildEnterprise(admin, township, 1);
    const rivalId = await buildEnterprise(admin, township, 2);
    firm = (
      await buildUser(admin, server.url, {
        username: 'firm',
        role: 'enterprise',
        unitId: township,
        enterpriseId: firmId,
      })
    ).client;
    rival = (
      await buildUser(admin, server.url, {
        username: 'rival',
        role: 'enterprise',
        unitId: township,
        enterpriseId: rivalId,
      })
    ).client;
  });
  afterAll(() => server.close());

  /** Moves the county's clock; sessions do not outlive days, so everyone signs in again. */
  async function travel(iso: string) {
    now = new Date(iso);
    await admin.signIn('admin', ADMIN_PASSWORD);
    const people: [ApiClient, string][] = [
      [coordinator, 'office'],
      [lanjiang, 'lanjiang'],
      [yunshan, 'yunshan'],
      [firm, 'firm'],
      [rival, 'rival'],
    ];
    for (const [client, username] of people) await client.signIn(username, PASSWORD);
  }

  const raise = (client: ApiClient, over: Record<string, unknown> = {}) =>
    client.post('/api/v1/tickets', { category: 'land', description: '新增用地指标尚未落实，影响二期开工', ...over });
  const step = async (client: ApiClient, id: number, body: Record<string, unknown>) => {
    const version = (await admin.get(`/api/v1/tickets/${id}`)).body.version as number;
    return client.post(`/api/v1/tickets/${id}/steps`, { version, ...body });
  };
  const must = async (res: Promise<{ status: number; body: any }>) => {
    const r = await res;
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    return r.body;
  };
  const assigned = async (over: Record<string, unknown> = {}) => {
    const t = await must(raise(firm, { projectId, ...over }));
    await must(step(coordinator, t.id, { step: 'accept' }));
    return must(step(coordinator, t.id, { step: 'assign', handlingUnitId: unit('兰江街道').id }));
  };

  it('runs the loop from an enterprise raising a problem to its rating, keeping every step', async () => {
    await travel('2026-09-30T02:00:00Z');
    const raised = await must(raise(firm, { projectId, title: '二期用地指标' }));
    expect(raised).toMatchObject({ state: 'raised', stateLabel: '待受理', enterprise: { id: firmId } });
    // Three working days after the holiday: 10-08, 10-09 and the worked Saturday 10-10.
    expect(raised.clocks).toEqual([
      { kind: 'accept', dueAt: '2026-10-10T15:59:59.999Z', overdue: false, text: '还剩 3 个工作日' },
    ]);
    expect(raised.steps).toEqual([]);

    await travel('2026-10-09T02:00:00Z');
    expect((await coordinator.get(`/api/v1/tickets/${raised.id}`)).body.steps).toEqual(['accept', 'reject', 'note']);
    await must(step(coordinator, raised.id, { step: 'accept' }));
    const handling = await must(
      step(coordinator, raised.id, {
        step: 'assign',
        handlingUnitId: unit('兰江街道').id,
        coUnitIds: [unit('云山街道').id],
      }),
    );
    // Assigned Friday 10-09: 10-10, 10-12, 10-13.
    expect(handling.clocks).toEqual([
      { kind: 'close', dueAt: '2026-10-13T15:59:59.999Z', overdue: false, text: '还剩 3 个工作日' },
    ]);
    expect(handling.coUnits.map((u: { id: number }) => u.id)).toEqual([unit('云山街道').id]);
    // The co-unit's editor handles it too.
    expect((await yunshan.get(`/api/v1/tickets/${raised.id}`)).body.steps).toContain('reply');

    // The handling unit's inbox holds it; the enterprise's does not until it is answered.
    const ids = (inbox: { tickets: { items: { id: number }[] } }) => inbox.tickets.items.map((i) => i.id);
    expect(ids((await lanjiang.get('/api/v1/inbox')).body)).toContain(raised.id);
    expect(ids((await firm.get('/api/v1/inbox')).body)).not.toContain(raised.id);
    await must(step(lanjiang, raised.id, { step: 'reply', text: '已对接自然资源局，正在组卷' }));
    await must(step(lanjiang, raised.id, { step: 'note', text: '指标需县里统筹，内部掌握' }));
    await must(step(lanjiang, raised.id, { step: 'answer', text: '用地指标已落实，10 月 20 日前完成供地' }));

    const seen = (await firm.get(`/api/v1/tickets/${raised.id}`)).body;
    expect(seen.events.map((e: { step: string }) => e.step)).toEqual(['raise', 'accept', 'assign', 'reply', 'answer']);
    expect(JSON.stringify(seen)).not.toContain('内部掌握');
    expect(seen.steps).toEqual(['rate', 'reopen']);
    const firmInbox = (await firm.get('/api/v1/inbox')).body;
    expect(ids(firmInbox)).toContain(raised.id);
    expect(firmInbox.total).toBeGreaterThanOrEqual(firmInbox.tickets.count);
    const office = (await coordinator.get(`/api/v1/tickets/${raised.id}`)).body;
    expect(office.events.find((e: { step: string }) => e.step === 'note')).toMatchObject({
      internal: true,
      text: '指标需县里统筹，内部掌握',
    });

    const closed = await must(step(firm, raised.id, { step: 'rate', rating: 'satisfied' }));
    expect(closed).toMatchObject({ state: 'closed', rating: 'satisfied', clocks: [] });
    const summary = (await coordinator.get('/api/v1/tickets/summary')).body;
    expect(summary).toMatchObject({ closedThisMonth: 1, rated: 1, satisfied: 1, satisfactionPercent: 100 });
  });

  it("never shows an enterprise another enterprise's ticket, nor lets it rate one", async () => {
    await travel('2026-10-12T02:00:00Z');
    const t = await must(raise(firm));
    expect((await rival.get(`/api/v1/tickets/${t.id}`)).status).toBe(404);
    const list = (await rival.get('/api/v1/tickets')).body;
    expect(list.items.map((i: { enterprise: { id: number } }) => i.enterprise.id)).not.toContain(firmId);
    expect(
      (await rival.post(`/api/v1/tickets/${t.id}/steps`, { step: 'rate', rating: 'unsatisfied', version: 1 })).status,
    ).toBe(404);
    // Raising for another enterprise is refused as not found.
    expect(
      (await rival.post('/api/v1/tickets', { category: 'land', description: '代提', enterpriseId: firmId })).status,
    ).toBe(404);
    // A party who is not the raiser cannot rate: the handling editor is refused.
    const answered = await assigned();
    await must(step(lanjiang, answered.id, { step: 'answer', text: '已答复' }));
    expect((await step(lanjiang, answered.id, { step: 'rate', rating: 'satisfied' })).status).toBe(403);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    await travel('2026-10-12T02:00:00Z');
    const before = (await admin.get('/api/v1/tickets')).body.total as number;
    const empty = await raise(firm, { description: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatchObject({ code: 'VALIDATION', field: 'description' });
    const notOwned = await raise(firm, {
      projectId: (await buildProject(admin, unit('兰江街道').id, { name: '别家项目' })).id,
    });
    expect(notOwned.body.error.field).toBe('projectId');
    expect((await admin.get('/api/v1/tickets')).body.total).toBe(before);

    // Accepting a closed (here: rejected) ticket.
    const t = await must(raise(firm));
    await must(step(coordinator, t.id, { step: 'reject', text: '不属于涉企问题范围' }));
    const again = await step(coordinator, t.id, { step: 'accept' });
    expect(again.status).toBe(409);
    expect(again.body.error.field).toBe('step');
    const after = (await admin.get(`/api/v1/tickets/${t.id}`)).body;
    expect(after).toMatchObject({ state: 'rejected', version: 2 });
    // A reject without its reason, and a step on a stale version.
    const other = await must(raise(firm));
    expect((await step(coordinator, other.id, { step: 'reject' })).body.error.field).toBe('text');
    const stale = await coordinator.post(`/api/v1/tickets/${other.id}/steps`, { step: 'accept', version: 9 });
    expect(stale.status).toBe(409);

    // An SLA profile with a zero limit, then a negative one.
    const profiles = Object.values(SHIPPED_SLA_PROFILES).map((p) => structuredClone(p));
    profiles[0]!.close.complex.amount = 0;
    const bad = await coordinator.put('/api/v1/ticket-settings', { defaultProfile: '333', profiles });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('profiles.0.close.complex.amount');
    profiles[0]!.close.complex.amount = -1;
    expect((await coordinator.put('/api/v1/ticket-settings', { defaultProfile: '333', profiles })).status).toBe(400);
    expect((await coordinator.get('/api/v1/ticket-settings')).body.profiles[0].close.complex.amount).toBe(3);
  });

  it('takes images and PDFs by their content, refuses a disguised file or one too large, and shows them to the parties', async () => {
    const t = await must(raise(firm));
    const form = (bytes: Uint8Array, name: string) => {
      const f = new FormData();
      f.append('file', new Blob([new Uint8Array(bytes)]), name);
      return f;
    };
    const photo = await must(
      firm.postMultipart(`/api/v1/tickets/${t.id}/attachments`, form(await picture(64, 48), '现场.jpg')),
    );
    expect(photo).toMatchObject({ fileName: '现场.jpg', contentType: 'image/jpeg' });
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    expect(
      (await must(coordinator.postMultipart(`/api/v1/tickets/${t.id}/attachments`, form(pdf, '情况说明.pdf'))))
        .contentType,
    ).toBe('application/pdf');

    const disguised = await firm.postMultipart(
      `/api/v1/tickets/${t.id}/attachments`,
      form(new TextEncoder().encode('<script>alert(1)</script>'), '发票.jpg'),
    );
    expect(disguised.status).toBe(400);
    expect(disguised.body.error).toMatchObject({ code: 'VALIDATION', field: 'file' });
    expect(disguised.body.error.message).toContain('发票.jpg');
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const tooLarge = await firm.postMultipart(`/api/v1/tickets/${t.id}/attachments`, form(big, '大图.jpg'));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.field).toBe('file');

    const seen = (await firm.get(`/api/v1/tickets/${t.id}`)).body;
    expect(seen.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['现场.jpg', '情况说明.pdf']);
    expect((await firm.get(`/api/v1/ticket-attachments/${photo.id}`)).status).toBe(200);
    expect((await rival.get(`/api/v1/ticket-attachments/${photo.id}`)).status).toBe(404);
  });

  it('escalates a ticket whose clock runs out to the unit above, naming the patron leader; its project lights red', async () => {
    await travel('2026-10-13T02:00:00Z');
    const t = await assigned(); // close due 10-16
    // Answered the same day: its revisit (the office's own, 3 working days) runs out too, unescalated.
    const answered = await assigned();
    const revisiting = await must(step(lanjiang, answered.id, { step: 'answer', text: '已协调解决' }));
    await travel('2026-10-19T02:00:00Z');
    const cutoff = await must(admin.post('/api/v1/jobs/cutoff'));
    expect(cutoff.ran).toBe(true);
    const after = (await coordinator.get(`/api/v1/tickets/${t.id}`)).body;
    expect(after).toMatchObject({ escalated: true, colour: 'red' });
    expect((await coordinator.get(`/api/v1/tickets/${answered.id}`)).body).toMatchObject({
      escalated: false,
      colour: 'yellow',
    });
    // The clock's writes keep the version: a page opened before the night still takes its step.
    expect(after.version).toBe(t.version);
    const noted = await coordinator.post(`/api/v1/tickets/${answered.id}/steps`, {
      version: revisiting.version,
      step: 'note',
      text: '回访已约',
    });
    expect(noted.status, JSON.stringify(noted.body)).toBe(200);
    expect(after.escalatedTo.name).toBe('兰溪市');
    expect(after.events.at(-1)).toMatchObject({ step: 'escalate', actor: '系统' });
    expect(after.events.at(-1).text).toContain('李副市长');
    const light = (await admin.get(`/api/v1/projects/${projectId}/light`)).body;
    const ticketFindings = light.findings.filter((f: { dimension: string }) => f.dimension === 'tickets');
    expect(ticketFindings.some((f: { colour: string }) => f.colour === 'red')).toBe(true);
  });

  it('escalates after the second reopening', async () => {
    await travel('2026-10-20T02:00:00Z');
    const t = await assigned();
    for (const n of [1, 2]) {
      await must(step(lanjiang, t.id, { step: 'answer', text: `第${n}次答复` }));
      const reopened = await must(step(firm, t.id, { step: 'reopen', text: '问题没有解决' }));
      expect(reopened.reopenCount).toBe(n);
      expect(reopened.escalated).toBe(n === 2);
    }
  });

  it('takes one extension asked in time, approved by the office, and refuses one asked late', async () => {
    await travel('2026-10-21T02:00:00Z');
    const t = await assigned(); // Wednesday: 10-22, 10-23, 10-26.
    expect(t.clocks[0].dueAt).toBe('2026-10-26T15:59:59.999Z');
    await must(step(lanjiang, t.id, { step: 'requestExtension', text: '需等待省厅批复' }));
    const twice = await step(lanjiang, t.id, { step: 'requestExtension', text: '再延一次' });
    expect(twice.status).toBe(409);
    const granted = await must(step(coordinator, t.id, { step: 'decideExtension', approve: true }));
    // Three more working days from 10-26: 10-27, 10-28, 10-29.
    expect(granted).toMatchObject({ extension: 'granted' });
    expect(granted.clocks[0].dueAt).toBe('2026-10-29T15:59:59.999Z');

    const late = await assigned(); // 10-26 again
    await travel('2026-10-27T02:00:00Z');
    const refused = await step(lanjiang, late.id, { step: 'requestExtension', text: '来不及了' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('超期');
    expect((await admin.get(`/api/v1/tickets/${late.id}`)).body.extension).toBeNull();
  });

  it('lights a project yellow while its ticket is past the deadline, before any escalation', async () => {
    await travel('2026-11-02T02:00:00Z');
    const fresh = await buildProject(admin, unit('兰江街道').id, {
      name: '兰江二号厂房',
      ownerCreditCode: creditCodeFor(1),
    });
    await must(admin.patch(`/api/v1/enterprises/${firmId}`, { address: '兰江街道工业园' })); // links the new project
    const t = await assigned({ projectId: fresh.id }); // close due 11-05
    await travel('2026-11-06T02:00:00Z');
    const noted = await must(step(coordinator, t.id, { step: 'note', text: '催办' }));
    expect(noted.colour).toBe('yellow');
    expect(noted.clocks[0].text).toBe('已超期 1 个工作日');
    const light = (await admin.get(`/api/v1/projects/${fresh.id}/light`)).body;
    expect(light.findings.filter((f: { dimension: string }) => f.dimension === 'tickets')).toEqual([
      expect.objectContaining({ colour: 'yellow' }),
    ]);
    const overdue = (await coordinator.get('/api/v1/tickets?overdue=true')).body;
    expect(overdue.items.map((i: { id: number }) => i.id)).toContain(t.id);
  });

  it("ranks the townships on October's tickets as the steps stood at the month's end", async () => {
    // Every ticket above belongs to 兰江街道. By 10-31: seven had a close deadline in the year to October (the rated
    // one, the one answered on 10-12, the escalated one, the one answered on 10-13, the twice reopened and the two
    // with an extension asked), three of them answered; nine open ones past a deadline (the raised one escalated on
    // 10-19, the one left raised, the one given files, the two answered whose revisits fell due 10-15 and 10-16,
    // and the four still handled); one rating, 满意.
    const race = await must(
      coordinator.post('/api/v1/races', {
        name: '2026年涉企问题赛马',
        periodKind: 'month',
        indicators: [
          { key: 'ticketClosureRate', weight: 40, method: 'efficacyCoefficient', params: {} },
          { key: 'ticketsOverdue', weight: 30, method: 'efficacyCoefficient', params: {} },
          { key: 'ticketSatisfaction', weight: 30, method: 'efficacyCoefficient', params: {} },
        ],
        topN: 1,
        bottomN: 1,
      }),
    );
    const ranking = await must(coordinator.get(`/api/v1/races/${race.id}/ranking?year=2026&period=10`));
    const rows = ranking.groups.flatMap((g: { rows: unknown[] }) => g.rows) as {
      unitId: number;
      breakdown: { indicator: string; value: number | null }[];
    }[];
    const valueOf = (unitId: number, indicator: string) =>
      rows.find((r) => r.unitId === unitId)!.breakdown.find((b) => b.indicator === indicator)!.value;
    const lj = unit('兰江街道').id;
    expect(valueOf(lj, 'ticketClosureRate')).toBeCloseTo((100 * 3) / 7, 6);
    expect(valueOf(lj, 'ticketsOverdue')).toBe(9);
    expect(valueOf(lj, 'ticketSatisfaction')).toBe(100);
    // The drill-through opens exactly the tickets each figure is made of, its numerator marked.
    const records = async (indicator: string) =>
      (await must(
        coordinator.get(`/api/v1/races/${race.id}/records?year=2026&period=10&unitId=${lj}&indicator=${indicator}`),
      )) as { count: number; tickets: { ticketId: number; counted: boolean }[] };
    const closure = await records('ticketClosureRate');
    expect([closure.count, closure.tickets.filter((t) => t.counted).length]).toEqual([7, 3]);
    const overdueRecords = await records('ticketsOverdue');
    expect(overdueRecords.tickets).toHaveLength(9);
    expect(overdueRecords.tickets.every((t) => t.counted)).toBe(true);
    const satisfaction = await records('ticketSatisfaction');
    expect(satisfaction.tickets.map((t) => t.counted)).toEqual([true]);
    expect((await records('ticketsOverdue')).tickets.map((t) => t.ticketId)).toEqual(
      [...overdueRecords.tickets.map((t) => t.ticketId)].sort((a, b) => a - b),
    );
    // A township without tickets has no rate (no data, not zero) and none overdue.
    const ys = unit('云山街道').id;
    expect(valueOf(ys, 'ticketClosureRate')).toBeNull();
    expect(valueOf(ys, 'ticketsOverdue')).toBe(0);
  });

  it('lets the township editor who raised a problem follow it to another unit, find it waiting and rate the answer', async () => {
    await travel('2026-11-16T02:00:00Z');
    const t = await must(raise(lanjiang, { enterpriseId: firmId, title: '跨镇用工协调' }));
    await must(step(coordinator, t.id, { step: 'accept' }));
    await must(step(coordinator, t.id, { step: 'assign', handlingUnitId: unit('云山街道').id }));
    // Now 云山街道's: its editor handles it, the raiser still reads it and finds it in the list.
    expect((await lanjiang.get(`/api/v1/tickets/${t.id}`)).status).toBe(200);
    const listed = (await lanjiang.get('/api/v1/tickets?state=handling&pageSize=100')).body;
    expect(listed.items.map((i: { id: number }) => i.id)).toContain(t.id);
    // Not the raiser's to handle: it waits in 云山街道's inbox, not in 兰江街道's.
    const waitingIds = async (client: ApiClient) =>
      (await client.get('/api/v1/inbox')).body.tickets.items.map((i: { id: number }) => i.id);
    expect(await waitingIds(yunshan)).toContain(t.id);
    expect(await waitingIds(lanjiang)).not.toContain(t.id);
    await must(step(yunshan, t.id, { step: 'answer', text: '已对接云山街道人力资源市场' }));
    expect(await waitingIds(lanjiang)).toContain(t.id);
    const rated = await must(step(lanjiang, t.id, { step: 'rate', rating: 'satisfied' }));
    expect(rated.state).toBe('closed');
    // Another township's editor, neither raiser nor handler, still does not reach it.
    const other = await buildUser(admin, server.url, {
      username: 'meijiang',
      role: 'unit_editor',
      unitId: unit('梅江镇').id,
    });
    expect((await other.client.get(`/api/v1/tickets/${t.id}`)).status).toBe(404);
  });

  it("writes the cutoff's lights and escalations only to tickets still at the version it read", async () => {
    await travel('2026-11-17T02:00:00Z');
    const t = await assigned();
    const repo = createTicketRepository(server.db.kysely);
    const light = { next_due_at: null, due_date: '2026-11-20', light: 'yellow' };
    const escalation = { ...light, light: 'red', escalated_unit_id: unit('兰溪市').id };
    const at = '2026-11-17T02:00:00.000Z';
    // Read before a person's step moved the ticket on: neither write lands.
    const stale = { id: t.id, version: t.version - 1 };
    expect(await repo.updateLights(server.db.kysely, [{ ...stale, ...light }])).toEqual([]);
    expect(await repo.escalateAll(server.db.kysely, [{ ...stale, ...escalation }], at)).toEqual([]);
    expect((await coordinator.get(`/api/v1/tickets/${t.id}`)).body).toMatchObject({
      escalated: false,
      colour: 'green',
    });
    // At the version read: written, the version kept; escalated once only.
    const current = { id: t.id, version: t.version };
    expect(await repo.escalateAll(server.db.kysely, [{ ...current, ...escalation }], at)).toEqual([t.id]);
    expect(await repo.escalateAll(server.db.kysely, [{ ...current, ...escalation }], at)).toEqual([]);
    const after = (await coordinator.get(`/api/v1/tickets/${t.id}`)).body;
    expect(after).toMatchObject({ escalated: true, colour: 'red', version: t.version });
    expect(after.escalatedTo.name).toBe('兰溪市');
  });
});
