import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../src/server/notifications/index.ts';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { buildEnterprise, licenceBody } from './support/enterprises.ts';
import { buildUser, setUpCounty } from './support/factories.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const SECRET = 'reminder-webhook-secret-2026';

// The daily reminders: a licence 30 days from its end reaches the enterprise and its township's editors, a
// ticket due tomorrow the office, once per day however many runs at once; a copy goes by the channels each
// person chose — the signed webhook (checked by the receiver) and e-mail (received by a local sink) — and
// every delivery is in the administrator's log.
describe.each(await databaseKinds())('reminders on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let coordinator: ApiClient;
  let lanjiang: ApiClient;
  let firm: ApiClient;
  let smtp: SMTPServer;
  let hook: http.Server;
  const hooks: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const mails: { to: string[]; raw: string }[] = [];
  // Monday 2026-11-02, 10:00 in Lanxi.
  const now = new Date('2026-11-02T02:00:00Z');

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString() });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    hook = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        hooks.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));

    server = await startTestServer(kind, {
      clock: () => now,
      env: {
        LANTERN_SMTP_HOST: '127.0.0.1',
        LANTERN_SMTP_PORT: String((smtp.server.address() as AddressInfo).port),
        LANTERN_SMTP_FROM: 'Lantern <lantern@example.gov.cn>',
        LANTERN_WEBHOOK_URL: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`,
        LANTERN_WEBHOOK_SECRET: SECRET,
      },
    });
    const county = await setUpCounty(server.url);
    admin = county.admin;
    const township = county.unit('兰江街道').id;
    coordinator = (await buildUser(admin, server.url, { username: 'office', role: 'coordinator', unitId: township }))
      .client;
    lanjiang = (await buildUser(admin, server.url, { username: 'lanjiang', role: 'unit_editor', unitId: township }))
      .client;
    const enterpriseId = await buildEnterprise(admin, township, 1);
    firm = (
      await buildUser(admin, server.url, { username: 'firm', role: 'enterprise', unitId: township, enterpriseId })
    ).client;
    // Ends 12-02: 30 days from today. Another ends in 2027: no reminder yet.
    await admin.post(`/api/v1/enterprises/${enterpriseId}/licences`, licenceBody(1, '2026-12-02'));
    await admin.post(`/api/v1/enterprises/${enterpriseId}/licences`, licenceBody(2, '2027-09-30'));
    // Raised today under "standard" (accept within 1 working day): due tomorrow, the office's step.
    await firm.post('/api/v1/tickets', {
      category: 'energy',
      description: '用电增容申请迟迟未批',
      slaProfile: 'standard',
    });
  });
  afterAll(async () => {
    await server.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await new Promise<void>((resolve) => hook.close(() => resolve()));
  });

  const noticesOf = async (client: ApiClient) =>
    (await client.get('/api/v1/notices')).body.items as { kind: string; facts: Record<string, unknown> }[];

  it('refuses bad choices and settings naming the field, and keeps what was there', async () => {
    const offsets = await coordinator.put('/api/v1/reminder-settings', { licenceOffsets: [30, 0] });
    expect(offsets.status).toBe(400);
    expect(offsets.body.error.field).toBe('licenceOffsets');
    expect((await coordinator.get('/api/v1/reminder-settings')).body.licenceOffsets).toEqual([90, 60, 30, 7]);
    const noMail = await coordinator.put('/api/v1/me/notifications', {
      email: null,
      events: { 'ticket.due': ['email'] },
    });
    expect(noMail.status).toBe(400);
    expect(noMail.body.error.field).toBe('email');
    const robot = await coordinator.put('/api/v1/me/notifications', {
      email: null,
      events: { 'ticket.due': ['dingtalk'] },
    });
    expect(robot.status).toBe(400);
    expect(robot.body.error.field).toBe('events.ticket.due.0');
    expect((await coordinator.get('/api/v1/me/notifications')).body).toEqual({
      email: null,
      events: {},
      available: ['email', 'webhook'],
    });
  });

  it('writes each reminder once when the job runs twice at once, and sends it by the channels chosen', async () => {
    await must(
      coordinator.put('/api/v1/me/notifications', {
        email: 'office@example.gov.cn',
        events: { 'ticket.due': ['webhook', 'email'] },
      }),
    );
    await must(
      firm.put('/api/v1/me/notifications', { email: 'boss@example.com', events: { 'licence.expiring': ['email'] } }),
    );

    // Two servers' jobs at the same moment, under different run keys: the reminders' own keys still hold.
    const runs = await Promise.all([
      server.services.dailyReminders.run('reminders:server-a'),
      server.services.dailyReminders.run('reminders:server-b'),
    ]);
    expect(runs.map((r) => r.ran)).toEqual([true, true]);
    expect(runs.reduce((n, r) => n + r.reminders, 0)).toBe(2);
    // The day's own run: the same reminders were already written.
    const again = await must(coordinator.post('/api/v1/jobs/reminders'));
    expect(again).toMatchObject({ ran: true, reminders: 0 });
    expect((await coordinator.post('/api/v1/jobs/reminders')).body.ran).toBe(false);

    const licenceNotices = (await noticesOf(firm)).filter((n) => n.kind === 'licence_expiring');
    expect(licenceNotices).toEqual([
      expect.objectContaining({ facts: expect.objectContaining({ daysLeft: 30, validTo: '2026-12-02' }) }),
    ]);
    expect((await noticesOf(lanjiang)).filter((n) => n.kind === 'licence_expiring')).toHaveLength(1);
    expect((await noticesOf(coordinator)).filter((n) => n.kind === 'ticket_due')).toHaveLength(1);

    // The webhook got the ticket once, signed with the county's secret.
    expect(hooks).toHaveLength(1);
    const [delivery] = hooks;
    expect(delivery!.headers['x-lantern-event']).toBe('ticket.due');
    const signature = String(delivery!.headers['x-lantern-signature']);
    expect(verifySignature(SECRET, String(delivery!.headers['x-lantern-timestamp']), delivery!.body, signature)).toBe(
      true,
    );
    expect(JSON.parse(delivery!.body)).toMatchObject({
      event: 'ticket.due',
      title: expect.stringContaining('用电增容'),
    });
    // E-mail: the office's copy of the ticket, the enterprise's of the licence.
    expect(mails.map((m) => m.to[0]).sort()).toEqual(['boss@example.com', 'office@example.gov.cn']);

    const log = await must(admin.get('/api/v1/notification-deliveries'));
    expect(log.total).toBe(3);
    expect(log.items.every((d: { ok: boolean }) => d.ok)).toBe(true);
    expect((await coordinator.get('/api/v1/notification-deliveries')).status).toBe(403);
  });

  async function must(res: Promise<{ status: number; body: any }>) {
    const r = await res;
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    return r.body;
  }
});
