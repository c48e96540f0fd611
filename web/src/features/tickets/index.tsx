// 涉企问题: the tickets in the user's scope, the raise form an enterprise fills on a phone, a ticket's page with
// its clocks, timeline and the steps the person may take, the office's overdue board; and the inbox (待办) the
// header's badge opens. Queries in ./queries.ts; messages in web/src/locales/<lang>/tickets.json.
import { BellOutlined, CustomerServiceOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { NavItem } from '../../layout/nav';
import enTickets from '../../locales/en/tickets.json';
import zhTickets from '../../locales/zh-CN/tickets.json';
import { bilingual, defineFeature, under } from '../feature';
import { ticketListSearch } from './search';

const ticketsEntry: NavItem = {
  path: '/tickets',
  label: 'nav.tickets',
  icon: <CustomerServiceOutlined />,
  permission: 'ticket.read',
};
// The office's and the leaders' board; which roles' menus offer it is their workspace's (src/domain/access).
const overdueEntry: NavItem = {
  path: '/tickets/overdue',
  label: 'nav.ticketsOverdue',
  icon: <FieldTimeOutlined />,
  permission: 'ticket.read',
};
// Everyone has an inbox; the header's badge is its way in.
const inboxEntry: NavItem = { path: '/inbox', label: 'nav.inbox', icon: <BellOutlined /> };

export const tickets = defineFeature({
  name: 'tickets',
  nav: [ticketsEntry, overdueEntry, inboxEntry],
  routes: (root) => {
    const { page, idPage } = under(root, ticketsEntry);
    return [
      createRoute({
        ...page('/tickets'),
        validateSearch: ticketListSearch,
        component: lazyRouteComponent(() => import('../../pages/tickets/TicketListPage'), 'TicketListPage'),
      }),
      createRoute({
        ...page('/tickets/new', 'ticket.raise'),
        component: lazyRouteComponent(() => import('../../pages/tickets/TicketRaisePage'), 'TicketRaisePage'),
      }),
      createRoute({
        ...under(root, overdueEntry).page('/tickets/overdue'),
        component: lazyRouteComponent(() => import('../../pages/tickets/OverdueBoardPage'), 'OverdueBoardPage'),
      }),
      createRoute({
        ...idPage('/tickets/$id'),
        // The ticket is asked for while the page's code downloads. Imported here, not above: the queries import
        // the API client, which the feature list must not.
        loader: ({ params }) => void import('./queries').then((q) => q.prefetchTicket(params.id)),
        component: lazyRouteComponent(() => import('../../pages/tickets/TicketPage'), 'TicketPage'),
      }),
      createRoute({
        ...under(root, inboxEntry).page('/inbox'),
        component: lazyRouteComponent(() => import('../../pages/tickets/InboxPage'), 'InboxPage'),
      }),
    ] as const;
  },
  messages: { tickets: bilingual(zhTickets, enTickets) },
});
