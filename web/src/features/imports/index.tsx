// Ledger import (台账导入): project and monthly-report ledgers from Excel, checked, then committed.
import { ImportOutlined } from '@ant-design/icons';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { NavItem } from '../../layout/nav';
import enImports from '../../locales/en/imports.json';
import zhImports from '../../locales/zh-CN/imports.json';
import { importsSearch } from '../../routes/searchSchemas';
import { bilingual, defineFeature, under } from '../feature';

// Ledgers (台账) from Excel into the project library: for those who may create projects.
const importsEntry: NavItem = {
  path: '/imports',
  label: 'nav.imports',
  icon: <ImportOutlined />,
  permission: 'project.manage',
};

export const imports = defineFeature({
  name: 'imports',
  nav: [importsEntry],
  routes: (root) =>
    [
      createRoute({
        ...under(root, importsEntry).page('/imports'),
        validateSearch: importsSearch,
        component: lazyRouteComponent(() => import('../../pages/imports/ImportsPage'), 'ImportsPage'),
      }),
    ] as const,
  messages: { imports: bilingual(zhImports, enImports) },
});
