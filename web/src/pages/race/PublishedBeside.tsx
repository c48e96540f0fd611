import { Collapse, List, Typography } from 'antd';
import { formatWan } from '../../../../src/domain/money/money';
import { formatScore } from '../../../../src/domain/progress/time-progress';
import type { PublishedView } from '../../api-numbers';
import { formatTime } from '../../format';
import { useNumbersI18n } from '../../i18n-numbers';
import { Link } from '../../components/Link';

/**
 * Under a published period's ranking: which view is shown (the bulletin's frozen one, or the live
 * recomputation, clearly labelled), and — when they differ — the units that moved and the reports
 * approved after publication that moved them.
 */
export function PublishedBeside({ published, view }: { published: PublishedView; view: 'published' | 'live' }) {
  const { tn } = useNumbersI18n();
  const differs = published.changes.length > 0;
  return (
    <div style={{ marginTop: 8 }} data-testid="ranking-published-note" data-view={view}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 4 }}>
        {view === 'published' ? (
          <>
            {tn('view.publishedNote', {
              doc: published.docNumber,
              title: published.title,
              at: formatTime(published.publishedAt),
            })}{' '}
            <Link to={`/bulletins/${published.bulletinId}`}>{published.docNumber}</Link>
          </>
        ) : (
          <Typography.Text type="warning">{tn('view.liveNote')}</Typography.Text>
        )}
      </Typography.Paragraph>
      {!differs ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="ranking-same">
          {tn('view.same')}
        </Typography.Text>
      ) : (
        <>
          <Typography.Paragraph style={{ fontSize: 13, marginBottom: 4 }} data-testid="ranking-differs">
            {tn('view.differs', { n: published.approvedAfterCount, units: published.changes.length })}
          </Typography.Paragraph>
          <ul style={{ margin: '0 0 4px', paddingInlineStart: 20, fontSize: 13 }}>
            {published.changes.slice(0, 10).map((c) => (
              <li key={c.unitId} data-testid="ranking-change">
                {tn('view.change', {
                  name: c.name,
                  from: c.publishedTotal === null ? '—' : formatScore(c.publishedTotal),
                  fromRank: c.publishedRank ?? '—',
                  to: formatScore(c.liveTotal),
                  toRank: c.liveRank,
                })}
              </li>
            ))}
          </ul>
          {published.approvedAfter.length > 0 && (
            <Collapse
              size="small"
              items={[
                {
                  key: 'after',
                  label: `${tn('view.approvedAfter')}（${published.approvedAfterCount}）`,
                  children: (
                    <List
                      size="small"
                      dataSource={published.approvedAfter}
                      renderItem={(r) => (
                        <List.Item data-testid="ranking-approved-after">
                          <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                            <Link to={`/projects/${r.projectId}`}>{r.projectName}</Link> ·{' '}
                            {tn('view.month', { month: r.month })} · {tn('view.revision', { n: r.revision })} ·{' '}
                            {formatWan(r.amountYuan)} 万元
                            {r.correctionReason ? `（${r.correctionReason}）` : ''} · {formatTime(r.approvedAt)}
                          </span>
                        </List.Item>
                      )}
                    />
                  ),
                },
              ]}
            />
          )}
        </>
      )}
    </div>
  );
}
