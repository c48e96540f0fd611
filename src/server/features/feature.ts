import type { Kysely } from 'kysely';
import type { Clock, Today } from '../clock.ts';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/client.ts';
import type { DialectMigration } from '../db/migrate.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/types.ts';

/** One message in the two languages the server speaks. */
export type MessageEntry = { 'zh-CN': string; en: string };

/** A feature's messages by key. */
export type MessageTable = Readonly<Record<string, MessageEntry>>;

/** What every feature's wiring receives: the database, the configuration and the clock it runs on. */
export interface WireContext {
  db: Db;
  kysely: Kysely<DB>;
  config: Config;
  clock: Clock;
  /** The county's date on `clock`. */
  today: Today;
}

/**
 * What a server feature adds to the platform, exported by its folder's index.ts and listed once in
 * features/index.ts. Deps is what its wiring needs from the features wired before it, Out what it adds
 * to the services, Needs what its routes use of the finished services.
 */
export interface Feature<Deps = unknown, Out = unknown, Needs = unknown, Messages extends MessageTable = MessageTable> {
  name: string;
  /** Its migrations by their recorded name ('0002_projects'); the names are history and never change. */
  migrations?: Readonly<Record<string, DialectMigration>>;
  /** Its messages; the feature index installs them into the one message table (http/i18n.ts). */
  messages?: Messages;
  /** Builds its repositories and services from the context and the services of the features before it. */
  wire?: (ctx: WireContext, deps: Deps) => Out;
  /** Registers its HTTP routes. */
  routes?: (app: Api, services: Needs, config: Config) => void;
}

/** Declares a feature; only checks its shape and keeps its types. */
export function defineFeature<Deps = unknown, Out = unknown, Needs = unknown, Messages extends MessageTable = {}>(
  feature: Feature<Deps, Out, Needs, Messages>,
): Feature<Deps, Out, Needs, Messages> {
  return feature;
}

/**
 * Features in dependency order: each add() checks, at compile time, that the services wired so far give
 * the new feature's wiring what it asks for, and adds what it returns. Messages is the union of their
 * message tables, the type of http/i18n.ts's message keys.
 */
export class FeatureList<Services, Needs, Messages = {}> {
  private constructor(
    readonly features: readonly Feature<never, unknown, never>[],
    private readonly wireAll: (ctx: WireContext) => Services,
  ) {}

  static empty(): FeatureList<object, unknown, {}> {
    return new FeatureList<object, unknown, {}>([], () => ({}));
  }

  add<Out, N, M extends MessageTable>(
    feature: Feature<Services, Out, N, M>,
  ): FeatureList<Services & Out, Needs & N, Messages & M> {
    const wireAll = (ctx: WireContext): Services & Out => {
      const before = this.wireAll(ctx);
      const added = (feature.wire?.(ctx, before) ?? {}) as Out & object;
      // A service of the same name as an earlier feature's would silently replace it for everyone after.
      const taken = Object.keys(added).filter((key) => Object.hasOwn(before as object, key));
      if (taken.length) throw new Error(`feature ${feature.name} wires ${taken.join(', ')}, already wired by another`);
      return { ...before, ...added };
    };
    return new FeatureList<Services & Out, Needs & N, Messages & M>(
      [...this.features, feature as unknown as Feature<never, unknown, never>],
      wireAll,
    );
  }

  /** Wires every feature's services, in the order they were added. */
  wire(ctx: WireContext): Services {
    return this.wireAll(ctx);
  }

  /** Registers every feature's routes, in the order they were added. */
  registerRoutes(app: Api, services: Needs, config: Config): void {
    for (const f of this.features) (f.routes as Feature<never, unknown, Needs>['routes'])?.(app, services, config);
  }
}
