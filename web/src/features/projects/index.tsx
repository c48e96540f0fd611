// The project library (项目库): the list, a project's page and form, and the four lists (四张清单).
// Its queries are in ./queries.ts; its messages in web/src/locales/<lang>/projects.json.
import { OrderedListOutlined, ProjectOutlined } from '@ant-design/icons';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { NavItem } from '../../layout/nav';
import enProjects from '../../locales/en/projects.json';
import zhProjects from '../../locales/zh-CN/projects.json';
import { projectListSearch, projectListsSearch } from '../../routes/searchSchemas';
import { bilingual, defineFeature, under } from '../feature';

const projectsEntry: NavItem = { path: '/projects', label: 'nav.projects', icon: <ProjectOutlined /> };
const projectListsEntry: NavItem = {
  path: '/project-lists',
  label: 'nav.projectLists',
  icon: <OrderedListOutlined />,
};

export const projects = defineFeature({
  name: 'projects',
  nav: [projectsEntry, projectListsEntry],
  routes: (root) => {
    const { page, idPage } = under(root, projectsEntry);
    const projectFormPage = lazyRouteComponent(() => import('../../pages/projects/ProjectFormPage'), 'ProjectFormPage');
    return [
      createRoute({
        ...page('/projects'),
        validateSearch: projectListSearch,
        component: lazyRouteComponent(() => import('../../pages/projects/ProjectListPage'), 'ProjectListPage'),
      }),
      createRoute({ ...page('/projects/new', 'project.manage'), component: projectFormPage }),
      createRoute({
        ...idPage('/projects/$id'),
        component: lazyRouteComponent(() => import('../../pages/projects/ProjectDetailPage'), 'ProjectDetailPage'),
      }),
      createRoute({ ...idPage('/projects/$id/edit', 'project.manage'), component: projectFormPage }),
      createRoute({
        ...under(root, projectListsEntry).page('/project-lists'),
        validateSearch: projectListsSearch,
        component: lazyRouteComponent(() => import('../../pages/projects/ProjectListsPage'), 'ProjectListsPage'),
      }),
    ] as const;
  },
  messages: { projects: bilingual(zhProjects, enProjects) },
});
