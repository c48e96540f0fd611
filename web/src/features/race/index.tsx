// The horse race (赛马): targets, races with their rankings and records, and the published bulletins (晾晒通报).
import { AimOutlined, NotificationOutlined, TrophyOutlined } from '@ant-design/icons';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { NavItem } from '../../layout/nav';
import enRace from '../../locales/en/race.json';
import zhRace from '../../locales/zh-CN/race.json';
import { bulletinsSearch, periodSearch, recordsSearch, targetsSearch } from '../../routes/searchSchemas';
import { bilingual, defineFeature, under } from '../feature';

const targetsEntry: NavItem = {
  path: '/targets',
  label: 'nav.targets',
  icon: <AimOutlined />,
  permission: 'race.read',
};
const racesEntry: NavItem = { path: '/races', label: 'nav.races', icon: <TrophyOutlined />, permission: 'race.read' };
const bulletinsEntry: NavItem = {
  path: '/bulletins',
  label: 'nav.bulletins',
  icon: <NotificationOutlined />,
  permission: 'race.read',
};

export const race = defineFeature({
  name: 'race',
  nav: [targetsEntry, racesEntry, bulletinsEntry],
  routes: (root) => {
    const races = under(root, racesEntry);
    const bulletins = under(root, bulletinsEntry);
    const raceEditorPage = lazyRouteComponent(() => import('../../pages/race/RaceEditorPage'), 'RaceEditorPage');
    return [
      createRoute({
        ...under(root, targetsEntry).page('/targets'),
        validateSearch: targetsSearch,
        component: lazyRouteComponent(() => import('../../pages/targets/TargetsPage'), 'TargetsPage'),
      }),
      createRoute({
        ...races.page('/races'),
        component: lazyRouteComponent(() => import('../../pages/race/RacesPage'), 'RacesPage'),
      }),
      createRoute({ ...races.page('/races/new', 'race.manage'), component: raceEditorPage }),
      createRoute({
        ...races.idPage('/races/$id'),
        validateSearch: periodSearch,
        component: lazyRouteComponent(() => import('../../pages/race/RankingPage'), 'RankingPage'),
      }),
      createRoute({
        ...races.idPage('/races/$id/records'),
        validateSearch: recordsSearch,
        component: lazyRouteComponent(() => import('../../pages/race/RankingRecordsPage'), 'RankingRecordsPage'),
      }),
      createRoute({ ...races.idPage('/races/$id/edit', 'race.manage'), component: raceEditorPage }),
      createRoute({
        ...bulletins.page('/bulletins'),
        validateSearch: bulletinsSearch,
        component: lazyRouteComponent(() => import('../../pages/race/BulletinsPage'), 'BulletinsPage'),
      }),
      createRoute({
        ...bulletins.idPage('/bulletins/$id'),
        component: lazyRouteComponent(() => import('../../pages/race/BulletinDetailPage'), 'BulletinDetailPage'),
      }),
    ] as const;
  },
  messages: { race: bilingual(zhRace, enRace) },
});
