// Lights (亮灯): the rules that turn a project's facts into its light, with a preview of a change.
import { BulbOutlined } from '@ant-design/icons';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { NavItem } from '../../layout/nav';
import enLights from '../../locales/en/lights.json';
import zhLights from '../../locales/zh-CN/lights.json';
import { bilingual, defineFeature, under } from '../feature';

const lightRulesEntry: NavItem = { path: '/light-rules', label: 'nav.lightRules', icon: <BulbOutlined /> };

export const lights = defineFeature({
  name: 'lights',
  nav: [lightRulesEntry],
  routes: (root) =>
    [
      createRoute({
        ...under(root, lightRulesEntry).page('/light-rules'),
        component: lazyRouteComponent(() => import('../../pages/lights/LightRulesPage'), 'LightRulesPage'),
      }),
    ] as const,
  messages: { lights: bilingual(zhLights, enLights) },
});
