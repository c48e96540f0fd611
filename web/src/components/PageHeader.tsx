import { useEffect, type ReactNode } from 'react';
import { Breadcrumb, Typography } from 'antd';
import { useLocation } from '@tanstack/react-router';
import { NAV_ITEMS } from '../features';
import { useI18n } from '../i18n';
import { navEntryFor } from '../layout/nav';
import { Link } from './Link';

/** A step of the breadcrumb between the menu entry and the page (a project above its edit form). */
export interface Crumb {
  label: string;
  to: string;
}

/**
 * The title row of a page, with actions on the right; also names the browser tab. A page below a menu
 * entry (a project, a race's records, this month's filing) shows where it sits: the entry, any `trail`
 * between, and the page itself.
 */
export function PageHeader({ title, extra, trail = [] }: { title: string; extra?: ReactNode; trail?: Crumb[] }) {
  const { t } = useI18n();
  const path = useLocation({ select: (location) => location.pathname });
  const entry = navEntryFor(NAV_ITEMS, path);
  useEffect(() => {
    document.title = `${title} · Lantern 项目绩效管理平台`;
  }, [title]);
  const below = entry && entry.path !== path;
  return (
    <>
      {below && (
        <Breadcrumb
          data-testid="breadcrumb"
          style={{ marginBottom: 8 }}
          items={[
            { title: <Link to={entry.path}>{t(entry.label)}</Link> },
            ...trail.map((c) => ({ title: <Link to={c.to}>{c.label}</Link> })),
            { title },
          ]}
        />
      )}
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          flexWrap: 'wrap',
          gap: 8,
          marginBottom: 16,
        }}
      >
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
          {title}
        </Typography.Title>
        {extra && <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>{extra}</div>}
      </div>
    </>
  );
}
