// The enterprise registry (企业库): the list, an enterprise's page with its contacts, projects and licences
// (证照), and the county-wide list of licences ending soon (证照临期). Queries in ./queries.ts; messages in
// web/src/locales/<lang>/enterprises.json.
import { SafetyCertificateOutlined, ShopOutlined } from '@ant-design/icons';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { NavItem } from '../../layout/nav';
import enEnterprises from '../../locales/en/enterprises.json';
import zhEnterprises from '../../locales/zh-CN/enterprises.json';
import { bilingual, defineFeature, under } from '../feature';
import { enterpriseListSearch, licencesSearch } from './search';

const enterprisesEntry: NavItem = {
  path: '/enterprises',
  label: 'nav.enterprises',
  icon: <ShopOutlined />,
  permission: 'enterprise.read',
};
const licencesEntry: NavItem = {
  path: '/licences',
  label: 'nav.licences',
  icon: <SafetyCertificateOutlined />,
  permission: 'enterprise.read',
};

export const enterprises = defineFeature({
  name: 'enterprises',
  nav: [enterprisesEntry, licencesEntry],
  routes: (root) => {
    const { page, idPage } = under(root, enterprisesEntry);
    return [
      createRoute({
        ...page('/enterprises'),
        validateSearch: enterpriseListSearch,
        component: lazyRouteComponent(() => import('../../pages/enterprises/EnterpriseListPage'), 'EnterpriseListPage'),
      }),
      createRoute({
        ...idPage('/enterprises/$id'),
        component: lazyRouteComponent(
          () => import('../../pages/enterprises/EnterpriseDetailPage'),
          'EnterpriseDetailPage',
        ),
      }),
      createRoute({
        ...under(root, licencesEntry).page('/licences'),
        validateSearch: licencesSearch,
        component: lazyRouteComponent(() => import('../../pages/enterprises/LicencesPage'), 'LicencesPage'),
      }),
    ] as const;
  },
  messages: { enterprises: bilingual(zhEnterprises, enEnterprises) },
});
