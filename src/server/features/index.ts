/**
 * The server's features, listed once. Each folder's index.ts says what its feature adds (migrations,
 * messages, services, routes); this list wires them in dependency order (a feature comes after those
 * whose services it uses: add() fails to compile otherwise) and registers their routes in the same order.
 *
 * Adding a feature: its folder with an index.ts (defineFeature), one add() here, its roles in
 * src/domain/access/roles.ts, its pages in the web's route list. Its messages come with it: this list
 * installs them into the message table, and http/i18n.ts takes their keys' type from it.
 */
import type { Config } from '../config/config.ts';
import { countyToday, type Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import type { Api } from '../http/types.ts';
import { installMessages } from '../http/i18n.ts';
import { audit } from './audit/index.ts';
import { bulletins } from './bulletins/index.ts';
import { dashboard } from './dashboard/index.ts';
import { deals } from './deals/index.ts';
import { demo } from './demo/index.ts';
import { enterprises } from './enterprises/index.ts';
import { exports } from './exports/index.ts';
import { FeatureList, type Feature, type MessageTable, type WireContext } from './feature.ts';
import { history } from './history/index.ts';
import { imports } from './imports/index.ts';
import { inbox } from './inbox/index.ts';
import { lights } from './lights/index.ts';
import { notices } from './notices/index.ts';
import { oc4ids } from './oc4ids/index.ts';
import { projects } from './projects/index.ts';
import { race } from './race/index.ts';
import { reminders } from './reminders/index.ts';
import { reportPhotos } from './report-photos/index.ts';
import { reports, reportSettings } from './reports/index.ts';
import { session } from './session/index.ts';
import { settings } from './settings/index.ts';
import { setup } from './setup/index.ts';
import { stats } from './stats/index.ts';
import { tickets } from './tickets/index.ts';
import { tokens } from './tokens/index.ts';
import { units } from './units/index.ts';
import { users } from './users/index.ts';

const LIST = FeatureList.empty()
  .add(audit)
  .add(settings)
  .add(units)
  .add(session)
  .add(users)
  .add(setup)
  .add(tokens)
  .add(notices)
  .add(stats)
  .add(history)
  .add(reportSettings)
  .add(reportPhotos)
  .add(race)
  .add(bulletins)
  .add(lights)
  .add(projects)
  .add(enterprises)
  .add(tickets)
  .add(deals)
  .add(reports)
  .add(inbox)
  .add(reminders)
  .add(imports)
  .add(dashboard)
  .add(exports)
  .add(oc4ids);

/** Every feature, the demo last; migrate.ts reads their migrations, the tests their messages. */
export const FEATURES: readonly Feature<never, unknown, never>[] = [
  ...LIST.features,
  demo as unknown as Feature<never, unknown, never>,
];

/** Every feature's messages, by key: http/i18n.ts's MessageKey is the platform's keys and these. */
export type FeatureMessages = typeof LIST extends FeatureList<unknown, unknown, infer M> ? M : never;

installMessages(FEATURES.map((f) => ({ owner: f.name, messages: f.messages ?? ({} as MessageTable) })));

function contextAt(db: Db, config: Config, clock: Clock): WireContext {
  return { db, kysely: db.kysely, config, clock, today: countyToday(clock, config.timeZone) };
}

/** Wires every feature's repositories into its services; each service receives only what it uses. */
export function createServices(db: Db, config: Config, clock: Clock) {
  const ctx = contextAt(db, config, clock);
  const services = { today: ctx.today, ...LIST.wire(ctx) };
  // The demo replays a county's year through services of its own, on a clock that travels.
  const servicesAt = (c: Clock) => {
    const at = contextAt(db, config, c);
    return { today: at.today, ...LIST.wire(at) };
  };
  return { ...services, ...demo.wire!(ctx, { settingsRepo: services.settingsRepo, servicesAt }) };
}

export type Services = ReturnType<typeof createServices>;

/** Registers every feature's routes, in the list's order. */
export function registerFeatureRoutes(app: Api, services: Services, config: Config): void {
  LIST.registerRoutes(app, services, config);
}
