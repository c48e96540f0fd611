// 招商: the kanban of deals from 线索 to 落地 (moved by dragging a card or from its menu, with what each move needs),
// a deal's page (its clock, moves, 转入项目库, activity log, funds in place and events), the figures (funnel,
// breakdowns, tiers against targets, signed but not started) and a team's weekly log. Queries in ./queries.ts;
// messages in web/src/locales/<lang>/deals.json.
import { FundProjectionScreenOutlined, FunnelPlotOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { NavItem } from '../../layout/nav';
import enDeals from '../../locales/en/deals.json';
import zhDeals from '../../locales/zh-CN/deals.json';
import { requireRole, type RouterContext } from '../../routes/guards';
import type { RootRoute } from '../../routes/root';
import { bilingual, defineFeature, under } from '../feature';
import { dealBoardSearch, dealFiguresSearch, teamLogSearch } from './search';
import { reachOf, ROLES } from '../../../../src/domain/access/roles';

// No permission of /me names the deals: the routes admit the roles the access matrix lets read them (its `deal`
// read), and each role's workspace offers the entries.
const dealsEntry: NavItem = { path: '/deals', label: 'nav.deals', icon: <FundProjectionScreenOutlined /> };
const figuresEntry: NavItem = { path: '/deals/figures', label: 'nav.dealFigures', icon: <FunnelPlotOutlined /> };
// The teams and their logs; the kanban's team filter and the figures link to them, no workspace's menu offers it.
const teamsEntry: NavItem = { path: '/deal-teams', label: 'nav.dealTeams', icon: <UsergroupAddOutlined /> };

/** The roles that read deals: the office, the units' editors, leaders, auditors and the administrator. */
export const DEAL_READERS = ROLES.filter((role) => reachOf(role, 'deal', 'read') !== 'none');
const readsDeals = requireRole(...DEAL_READERS);

/** The pages below an entry, admitted to the roles that read deals (and, with $id, only for a numeric id). */
function dealPages(root: RootRoute, entry: NavItem) {
  const { page, idPage } = under(root, entry);
  return {
    page: <TPath extends string>(path: TPath) => ({ ...page(path), beforeLoad: readsDeals }),
    idPage: <TPath extends `${string}$id${string}`>(path: TPath) => {
      const base = idPage(path);
      return {
        ...base,
        beforeLoad: (opts: { context: RouterContext; params: { id: string } }) => {
          base.beforeLoad(opts);
          readsDeals(opts);
        },
      };
    },
  };
}

export const deals = defineFeature({
  name: 'deals',
  nav: [dealsEntry, figuresEntry, teamsEntry],
  routes: (root) => {
    const board = dealPages(root, dealsEntry);
    const teams = dealPages(root, teamsEntry);
    return [
      createRoute({
        ...board.page('/deals'),
        validateSearch: dealBoardSearch,
        component: lazyRouteComponent(() => import('../../pages/deals/DealBoardPage'), 'DealBoardPage'),
      }),
      createRoute({
        ...dealPages(root, figuresEntry).page('/deals/figures'),
        validateSearch: dealFiguresSearch,
        component: lazyRouteComponent(() => import('../../pages/deals/DealFiguresPage'), 'DealFiguresPage'),
      }),
      createRoute({
        ...board.idPage('/deals/$id'),
        // The deal is asked for while the page's code downloads. Imported here, not above: the queries import the
        // API client, which the feature list must not.
        loader: ({ params }) => void import('./queries').then((q) => q.prefetchDeal(params.id)),
        component: lazyRouteComponent(() => import('../../pages/deals/DealPage'), 'DealPage'),
      }),
      createRoute({
        ...teams.page('/deal-teams'),
        component: lazyRouteComponent(() => import('../../pages/deals/DealTeamsPage'), 'DealTeamsPage'),
      }),
      createRoute({
        ...teams.page('/deal-teams/targets'),
        component: lazyRouteComponent(() => import('../../pages/deals/DealTargetsPage'), 'DealTargetsPage'),
      }),
      createRoute({
        ...teams.idPage('/deal-teams/$id/log'),
        validateSearch: teamLogSearch,
        component: lazyRouteComponent(() => import('../../pages/deals/TeamLogPage'), 'TeamLogPage'),
      }),
    ] as const;
  },
  messages: { deals: bilingual(zhDeals, enDeals) },
});
