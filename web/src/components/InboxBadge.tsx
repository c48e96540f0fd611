import { Badge, Button, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { inboxQuery } from '../features/tickets/queries';
import { useI18n } from '../i18n';

/** The header's 待办: a bell with how much waits for the person (GET /inbox), opening the inbox page. */
export function InboxBadge() {
  const { t } = useI18n();
  const router = useRouter();
  const { data } = useQuery(inboxQuery);
  const total = data?.total ?? 0;
  const label = total ? t('nav.inboxCount', { n: total }) : t('nav.inbox');
  return (
    <Tooltip title={label}>
      <Button
        type="text"
        href="/inbox"
        aria-label={label}
        onClick={(event) => {
          if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
          event.preventDefault();
          void router.navigate({ href: '/inbox' });
        }}
        data-testid="inbox-badge"
        data-total={data ? total : ''}
        style={{ paddingInline: 8 }}
      >
        <Badge count={total} size="small" overflowCount={99} offset={[4, -2]}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Tooltip>
  );
}
