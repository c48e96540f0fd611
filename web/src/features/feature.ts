// What a web feature declares: its menu entries, its routes below the root (each page lazily loaded) and
// the message namespaces it owns. The web route list (features/index.ts) puts the features together.
import type { AnyRoute } from '@tanstack/react-router';
import type { NavItem } from '../layout/nav';
import { requireNumericId, requirePermissions, type RouterContext } from '../routes/guards';
import type { RootRoute } from '../routes/root';

/** One namespace's messages in both languages: Chinese is the reference, English has every Chinese key. */
export interface Bilingual<Z extends Record<string, string> = Record<string, string>> {
  'zh-CN': Z;
  en: Record<keyof Z & string, string>;
}

/** A namespace from its two JSON files; the compiler refuses an English file that lacks a Chinese key. */
export function bilingual<Z extends Record<string, string>>(zh: Z, en: Record<keyof Z & string, string>): Bilingual<Z> {
  return { 'zh-CN': zh, en };
}

// TRoutes is bound by `unknown`, not AnyRoute: a contextual AnyRoute (whose register is `any`) would be
// inferred into createRoute's type parameters and lose every path's type.
export interface WebFeature<
  TRoutes extends readonly unknown[] = readonly AnyRoute[],
  TMessages extends Record<string, Bilingual> = Record<string, Bilingual>,
> {
  /** The feature's name, for messages about it. */
  name: string;
  /** Its menu entries, in menu order; the list's order of features gives the menu's order. */
  nav: readonly NavItem[];
  /** Its routes, children of the root; a tuple, so that the route tree keeps every path's type. */
  routes: (root: RootRoute) => TRoutes;
  /** The message namespaces it owns (web/src/locales/<lang>/<namespace>.json), by namespace. */
  messages: TMessages;
}

/** A feature, its routes' and messages' types kept exactly. */
export function defineFeature<
  const TRoutes extends readonly unknown[],
  const TMessages extends Record<string, Bilingual> = Record<never, never>,
>(feature: WebFeature<TRoutes, TMessages>): WebFeature<TRoutes, TMessages> {
  return feature;
}

/**
 * The options shared by the routes below a menu entry: the root as parent, and a guard that requires
 * the entry's permission (the one that shows it in the menu) plus the route's own.
 */
export function under(root: RootRoute, entry: NavItem) {
  return {
    /** A page at `path`. */
    page<TPath extends string>(path: TPath, permission?: string) {
      return {
        getParentRoute: () => root,
        path,
        beforeLoad: requirePermissions(entry.permission, permission),
      } as const;
    },
    /** A page of one record, `path` holding `$id`: a non-numeric id is an unknown page (404). */
    idPage<TPath extends `${string}$id${string}`>(path: TPath, permission?: string) {
      const guard = requirePermissions(entry.permission, permission);
      return {
        getParentRoute: () => root,
        path,
        beforeLoad: (opts: { context: RouterContext; params: { id: string } }) => {
          requireNumericId(opts.params);
          guard(opts);
        },
      } as const;
    },
  };
}
