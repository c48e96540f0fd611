import { useState } from 'react';
import { Alert, Button, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { noticesApi, type Notice } from '../api-notices';
import { invalidateNotices, noticesQuery } from '../features/work/queries';
import { useReportsI18n } from '../i18n-reports';
import { useNamespace } from '../i18n-setup';

/** How many notices show at once; the rest wait behind "还有 N 条". */
const SHOWN = 3;

/**
 * The signed-in person's unread notices (催报, a returned report with its reason) above every page, until
 * they mark them read: the on-page notice of DESIGN §3.10 until the inbox and the notification channel come.
 */
export function NoticeBar() {
  const { t } = useNamespace('work');
  const { period } = useReportsI18n();
  const navigate = useNavigate();
  const { data } = useQuery(noticesQuery);
  const [busy, setBusy] = useState(false);
  if (!data?.unread) return null;

  const text = (n: Notice) => {
    switch (n.kind) {
      case 'report_reminder':
        return t('notice.reminder', {
          by: n.createdBy,
          unit: n.facts.unitName,
          period: period(n.facts.year, n.facts.month),
          n: n.facts.outstanding,
          deadline: n.facts.deadline,
        });
      case 'report_returned':
        return t('notice.returned', {
          by: n.createdBy,
          project: n.facts.projectName,
          period: period(n.facts.year, n.facts.month),
          reason: n.facts.reason,
        });
      case 'licence_expiring':
        return n.facts.daysLeft < 0
          ? t('notice.licenceExpired', {
              enterprise: n.facts.enterpriseName,
              number: n.facts.number,
              date: n.facts.validTo,
            })
          : t('notice.licenceExpiring', {
              enterprise: n.facts.enterpriseName,
              number: n.facts.number,
              date: n.facts.validTo,
              n: n.facts.daysLeft,
            });
      case 'ticket_due':
        return t(n.facts.overdue ? 'notice.ticketOverdue' : 'notice.ticketDue', {
          title: n.facts.title,
          enterprise: n.facts.enterpriseName,
        });
    }
  };

  const read = async (id?: number) => {
    setBusy(true);
    try {
      await (id === undefined ? noticesApi.markAllRead() : noticesApi.markRead(id));
    } finally {
      setBusy(false);
      void invalidateNotices();
    }
  };

  const rest = data.unread - Math.min(SHOWN, data.items.length);
  return (
    <div data-testid="notices" style={{ display: 'grid', gap: 8, marginBottom: 12 }}>
      {data.items.slice(0, SHOWN).map((n) => (
        <Alert
          key={n.id}
          showIcon
          type={n.kind === 'report_returned' || n.kind === 'ticket_due' ? 'warning' : 'info'}
          data-testid={`notice-${n.kind}`}
          title={text(n)}
          action={
            <Space size={4} wrap>
              <Button size="small" type="primary" onClick={() => void navigate({ href: n.link })}>
                {t('notice.open')}
              </Button>
              <Button size="small" disabled={busy} onClick={() => void read(n.id)} data-testid={`notice-read-${n.id}`}>
                {t('notice.read')}
              </Button>
            </Space>
          }
        />
      ))}
      {data.unread > 1 && (
        <Space size={8}>
          {rest > 0 && <span style={{ color: '#666' }}>{t('notice.more', { n: rest })}</span>}
          <Button size="small" type="link" disabled={busy} onClick={() => void read()} data-testid="notices-read-all">
            {t('notice.readAll')}
          </Button>
        </Space>
      )}
    </div>
  );
}
