import { Tag, Typography } from 'antd';
import type { AuditEvent } from '../api';
import { auditDiff, type AuditDiffRow } from '../../../src/domain/audit/audit-diff';
import { useAuditI18n } from '../i18n-audit';

const CHANGED_BG = '#fff7e6';

function Value({ row }: { row: AuditDiffRow }) {
  if (!row.changed) return <Typography.Text type="secondary">{row.after ?? '—'}</Typography.Text>;
  return (
    <span data-testid="audit-diff-change">
      <Typography.Text delete type="secondary">
        {row.before ?? '—'}
      </Typography.Text>
      <span style={{ margin: '0 6px' }}>→</span>
      <Typography.Text strong>{row.after ?? '—'}</Typography.Text>
    </span>
  );
}

/**
 * A change as `field: before → after`, one line per stored field, the changed ones highlighted; a narrow
 * two-column layout that wraps, so a phone shows it without sideways scrolling.
 */
export function AuditDiff({ event }: { event: AuditEvent }) {
  const { ta, lang } = useAuditI18n();
  const rows = auditDiff(event.objectType, event.before, event.after, lang);
  if (rows.length === 0) return <Typography.Text type="secondary">{ta('diff.none')}</Typography.Text>;
  return (
    <div data-testid="audit-diff" style={{ border: '1px solid #f0f0f0', borderRadius: 6, overflow: 'hidden' }}>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'minmax(110px, 40%) 1fr',
          background: '#fafafa',
          fontWeight: 500,
          padding: '6px 10px',
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        <span>{ta('diff.field')}</span>
        <span>{ta('diff.value')}</span>
      </div>
      {rows.map((row) => (
        <div
          key={row.field}
          data-testid="audit-diff-row"
          data-changed={row.changed ? 'true' : 'false'}
          style={{
            display: 'grid',
            gridTemplateColumns: 'minmax(110px, 40%) 1fr',
            gap: 8,
            padding: '5px 10px',
            borderBottom: '1px solid #f5f5f5',
            background: row.changed ? CHANGED_BG : undefined,
            overflowWrap: 'anywhere',
          }}
        >
          <span>
            {row.label}
            {row.changed && (
              <Tag color="orange" style={{ marginLeft: 6 }}>
                {ta('diff.changed')}
              </Tag>
            )}
          </span>
          <Value row={row} />
        </div>
      ))}
    </div>
  );
}
