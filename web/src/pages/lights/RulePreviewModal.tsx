import { List, Modal, Tag, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import type { RulePreview } from '../../api-lights';
import { useLightsI18n } from '../../i18n-lights';
import { COLOURS, COLOUR_TEXT, LightDot } from './shared';

/**
 * 保存前确认: what saving the proposed rules would do today — the count of each colour before and
 * after, how many go from which colour to which, and each project that changes with its new
 * reasons — so a county-wide recolouring is never a surprise. Saving happens only on confirm.
 */
export function RulePreviewModal({
  preview,
  saving,
  onConfirm,
  onCancel,
}: {
  preview: RulePreview;
  saving: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { tl, colour: colourName, dimension, text } = useLightsI18n();
  const short = (c: keyof RulePreview['before']) => tl(`colourShort.${c}`);
  const { changed } = preview;
  // Colours whose count changes; projects can also swap colours and leave every count as it was.
  const moved = COLOURS.filter((c) => preview.before[c] !== preview.after[c]);

  return (
    <Modal
      open
      width={760}
      title={tl('preview.title', { version: preview.nextVersion })}
      onCancel={onCancel}
      onOk={onConfirm}
      okText={tl('preview.confirm')}
      cancelText={tl('preview.back')}
      okButtonProps={{ loading: saving, 'data-testid': 'rules-preview-confirm' } as { loading: boolean }}
      cancelButtonProps={{ 'data-testid': 'rules-preview-cancel' } as Record<string, string>}
      destroyOnHidden
    >
      <div data-testid="rules-preview" data-changed={changed.total}>
        <Typography.Paragraph strong style={{ fontSize: 15, marginBottom: 8 }} data-testid="rules-preview-summary">
          {changed.total === 0 ? tl('preview.unchanged') : tl('preview.changed', { n: changed.total })}
          {changed.total > 0 &&
            (moved.length
              ? moved
                  .map((c) =>
                    tl('preview.count', { colour: short(c), before: preview.before[c], after: preview.after[c] }),
                  )
                  .join(tl('light.listSeparator'))
              : tl('preview.sameTotals'))}
        </Typography.Paragraph>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 8 }} data-testid="rules-preview-counts">
          {COLOURS.map((c) => {
            const changes = moved.includes(c);
            return (
              <span
                key={c}
                data-colour={c}
                style={{
                  display: 'inline-flex',
                  alignItems: 'center',
                  gap: 6,
                  padding: '2px 10px',
                  borderRadius: 12,
                  background: changes ? '#f5f5f5' : undefined,
                  border: '1px solid #f0f0f0',
                  color: changes ? COLOUR_TEXT[c] : 'rgba(0,0,0,0.45)',
                  fontWeight: changes ? 600 : 400,
                }}
              >
                <LightDot colour={c} size={10} />
                {tl('preview.count', { colour: colourName(c), before: preview.before[c], after: preview.after[c] })}
              </span>
            );
          })}
        </div>
        {preview.transitions.length > 0 && (
          <div
            style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginBottom: 8 }}
            data-testid="rules-preview-transitions"
          >
            {preview.transitions.map((t) => (
              <Tag key={`${t.from}-${t.to}`} style={{ marginInlineEnd: 0 }}>
                {tl('preview.transition', { from: short(t.from), to: short(t.to), n: t.count })}
              </Tag>
            ))}
          </div>
        )}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {tl('preview.basis', {
            today: preview.today,
            year: preview.period.year,
            month: preview.period.month,
            projects: preview.projects,
          })}
        </Typography.Paragraph>
        {changed.total > 0 && (
          <>
            <Typography.Text strong style={{ fontSize: 13 }}>
              {tl('preview.list')}
              {changed.total > changed.items.length && (
                <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400, marginInlineStart: 8 }}>
                  {tl('preview.capped', { limit: changed.items.length, total: changed.total })}
                </Typography.Text>
              )}
            </Typography.Text>
            <List
              size="small"
              data-testid="rules-preview-list"
              dataSource={changed.items}
              rowKey="projectId"
              pagination={
                changed.items.length > 8
                  ? { pageSize: 8, size: 'small', showSizeChanger: false, align: 'center' }
                  : false
              }
              renderItem={(item) => (
                <List.Item
                  data-testid="rules-preview-item"
                  data-project={item.projectId}
                  data-from={item.from}
                  data-to={item.to}
                  style={{ display: 'block', paddingInline: 0 }}
                >
                  <div style={{ display: 'flex', alignItems: 'center', gap: 6, flexWrap: 'wrap' }}>
                    <span
                      style={{ display: 'inline-flex', alignItems: 'center', gap: 4, flex: 'none' }}
                      aria-label={`${colourName(item.from)} → ${colourName(item.to)}`}
                    >
                      <LightDot colour={item.from} size={12} title={colourName(item.from)} />
                      <ArrowRightOutlined style={{ fontSize: 10, color: 'rgba(0,0,0,0.45)' }} />
                      <LightDot colour={item.to} size={12} title={colourName(item.to)} />
                    </span>
                    {/* A new tab, so the rules being edited stay as they are. */}
                    <a
                      href={`/projects/${item.projectId}`}
                      target="_blank"
                      rel="noreferrer"
                      style={{ fontWeight: 500, overflowWrap: 'anywhere' }}
                    >
                      {item.name}
                    </a>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {item.unitName}
                    </Typography.Text>
                  </div>
                  <div style={{ fontSize: 12, marginTop: 2, paddingInlineStart: 40 }}>
                    {item.findings.length === 0 ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {tl('preview.noReasons')}
                      </Typography.Text>
                    ) : (
                      item.findings.map((f, i) => (
                        <div key={i} style={{ color: COLOUR_TEXT[f.colour], overflowWrap: 'anywhere' }}>
                          【{dimension(f.dimension)}】{text(f.text)}
                        </div>
                      ))
                    )}
                  </div>
                </List.Item>
              )}
            />
          </>
        )}
      </div>
    </Modal>
  );
}
