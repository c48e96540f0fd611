import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { Id } from '../../api';
import type { Colour, DimensionKey, Finding, LightExemption, ProjectLight } from '../../api-lights';
import { invalidateLights, projectLightQuery } from '../../features/lights/queries';
import { errorMessage } from '../../forms';
import { formatTime } from '../../format';
import { useLightsI18n } from '../../i18n-lights';
import { queryClient } from '../../queries/client';
import { useSession } from '../../session';
import { COLOUR_HEX, COLOUR_TEXT, LightDot } from '../lights/shared';
import { ExemptionModal } from './ExemptionModal';

/** 亮灯 of one project: the colour, its reasons (exempted ones greyed), the exemptions and the monthly history. */
export function ProjectLightCard({ projectId }: { projectId: Id }) {
  const { tl, colour: colourName, dimension, text } = useLightsI18n();
  const { can } = useSession();
  const query = useQuery(projectLightQuery(projectId));
  const light = query.data ?? null;
  const error = query.error ? errorMessage(query.error) : null;
  const load = query.refetch;
  const [exempting, setExempting] = useState(false);
  const canManage = can('lights.manage');

  const title = tl('light.title');
  if (!light) {
    return (
      <Card title={title} size="small" style={{ marginBottom: 16 }} data-testid="project-light">
        {error ? (
          <Alert
            type="error"
            showIcon
            title={error}
            action={
              <Button size="small" onClick={() => void load()}>
                ↻
              </Button>
            }
          />
        ) : (
          <Skeleton active paragraph={{ rows: 3 }} />
        )}
      </Card>
    );
  }

  const activeExemption = (dim: DimensionKey): LightExemption | undefined =>
    light.exemptions.find((e) => e.dimension === dim && e.active);
  const finding = (f: Finding, exempted: boolean, index: number) => {
    const exemption = exempted ? activeExemption(f.dimension) : undefined;
    return (
      <div
        key={`${exempted ? 'x' : 'f'}${index}`}
        data-testid="light-finding"
        data-colour={f.colour}
        data-exempted={exempted ? 'true' : undefined}
        style={{ display: 'flex', gap: 8, alignItems: 'flex-start', padding: '6px 0', opacity: exempted ? 0.6 : 1 }}
      >
        <LightDot colour={exempted ? 'grey' : f.colour} size={10} style={{ marginTop: 6 }} />
        <div style={{ minWidth: 0, flex: 1 }}>
          <div>
            <Tag style={{ marginInlineEnd: 6 }}>{dimension(f.dimension)}</Tag>
            <span
              style={{
                color: exempted ? undefined : COLOUR_TEXT[f.colour],
                textDecoration: exempted ? 'line-through' : undefined,
              }}
            >
              {text(f.text)}
            </span>
            {exempted && (
              <Tag color="default" style={{ marginInlineStart: 6 }}>
                {tl('light.exempted')}
              </Tag>
            )}
          </div>
          {exemption && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {tl('light.exemptionLine', {
                reason: exemption.reason,
                approver: exemption.approver,
                until: exemption.until,
              })}
            </Typography.Text>
          )}
        </div>
      </div>
    );
  };

  // The API types a colour as text; every light it sends is one of the four.
  const colour = light.colour as Colour;
  return (
    <Card
      title={title}
      size="small"
      style={{ marginBottom: 16, borderTop: `3px solid ${COLOUR_HEX[colour]}` }}
      data-testid="project-light"
      extra={
        canManage && (
          <Button
            size="small"
            icon={<SafetyCertificateOutlined />}
            onClick={() => setExempting(true)}
            data-testid="light-exemption-add"
          >
            {tl('light.addExemption')}
          </Button>
        )
      }
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 14, marginBottom: 8 }}>
        <LightDot colour={colour} size={28} />
        <div>
          <div
            style={{ fontSize: 20, fontWeight: 600, color: COLOUR_TEXT[colour] }}
            data-testid="project-light-colour"
            data-colour={light.colour}
          >
            {colourName(colour)}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {light.period
              ? tl('light.period', { year: light.period.year, month: light.period.month })
              : tl('light.notAssessed')}
            {light.ruleSetVersion !== null && ` · ${tl('light.ruleVersion', { version: light.ruleSetVersion })}`}
          </Typography.Text>
        </div>
      </div>

      {light.findings.map((f, i) => finding(f, false, i))}
      {light.exempted.map((f, i) => finding(f, true, i))}
      {light.findings.length === 0 && light.exempted.length === 0 && (
        <Typography.Text type="secondary">
          {light.colour === 'grey' ? tl('light.greyHint') : tl('light.allGood')}
        </Typography.Text>
      )}

      {light.exemptions.length > 0 && (
        <div style={{ marginTop: 12 }} data-testid="light-exemptions">
          <Typography.Text strong style={{ fontSize: 13 }}>
            {tl('light.exemptions')}
          </Typography.Text>
          {light.exemptions.map((e) => (
            <div
              key={e.id}
              style={{ fontSize: 12, padding: '4px 0', opacity: e.active ? 1 : 0.6 }}
              data-testid="light-exemption"
            >
              <Tag color={e.active ? 'blue' : 'default'} style={{ marginInlineEnd: 6 }}>
                {dimension(e.dimension)} · {tl(e.active ? 'light.active' : 'light.expired')}
              </Tag>
              {tl('light.exemptionLine', { reason: e.reason, approver: e.approver, until: e.until })}
            </div>
          ))}
        </div>
      )}

      <div style={{ marginTop: 12 }}>
        <Typography.Text strong style={{ fontSize: 13 }}>
          {tl('light.history')}
        </Typography.Text>
        {light.history.length === 0 ? (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {tl('light.historyEmpty')}
            </Typography.Text>
          </div>
        ) : (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '6px 8px', marginTop: 6 }} data-testid="light-history">
            {light.history.map((h) => {
              const monthColour = h.colour as Colour;
              // A month judged by other rules than the current light is marked, so a differing colour is explained.
              const otherRules = light.ruleSetVersion !== null && h.ruleSetVersion !== light.ruleSetVersion;
              const tip =
                tl('light.historyTip', {
                  year: h.year,
                  month: h.month,
                  colour: colourName(monthColour),
                  version: h.ruleSetVersion,
                }) + (otherRules ? tl('light.historyTipOther', { current: light.ruleSetVersion! }) : '');
              return (
                <Tooltip key={`${h.year}-${h.month}`} title={tip}>
                  <div
                    style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 2, width: 34 }}
                    data-testid="light-history-month"
                    data-month={`${h.year}-${String(h.month).padStart(2, '0')}`}
                    data-colour={h.colour}
                    data-rule-version={h.ruleSetVersion}
                    data-other-rules={otherRules ? 'true' : undefined}
                    aria-label={tip}
                  >
                    <LightDot
                      colour={monthColour}
                      size={14}
                      style={otherRules ? { outline: '1px dashed rgba(0,0,0,0.45)', outlineOffset: 2 } : undefined}
                    />
                    <span style={{ fontSize: 11, color: 'rgba(0,0,0,0.55)' }}>
                      {tl('dash.month', { month: h.month })}
                    </span>
                    {otherRules && (
                      <span style={{ fontSize: 10, lineHeight: 1, color: 'rgba(0,0,0,0.45)', whiteSpace: 'nowrap' }}>
                        {tl('light.versionShort', { version: h.ruleSetVersion })}
                      </span>
                    )}
                  </div>
                </Tooltip>
              );
            })}
          </div>
        )}
        {light.ruleSetVersion !== null && light.history.some((h) => h.ruleSetVersion !== light.ruleSetVersion) && (
          <Typography.Paragraph
            type="secondary"
            style={{ fontSize: 12, margin: '6px 0 0' }}
            data-testid="light-history-versions"
          >
            {tl('light.historyVersions', { list: versionRuns(light.history, tl), current: light.ruleSetVersion })}
          </Typography.Paragraph>
        )}
      </div>
      {light.computedAt && (
        <Typography.Text type="secondary" style={{ fontSize: 11, display: 'block', marginTop: 8 }}>
          {tl('light.computedAt', { at: formatTime(light.computedAt) })}
        </Typography.Text>
      )}
      {exempting && (
        <ExemptionModal
          projectId={projectId}
          light={light}
          onClose={() => setExempting(false)}
          onDone={(next) => {
            // The answer is the new light; the lists and the dashboard that show it read again.
            queryClient.setQueryData(projectLightQuery(projectId).queryKey, next);
            setExempting(false);
            void invalidateLights();
          }}
        />
      )}
    </Card>
  );
}

/**
 * The months of the history grouped by the rule-set version they were judged by, in order:
 * "2026年1–9月为第 0 版，2026年10月为第 2 版".
 */
function versionRuns(history: ProjectLight['history'], tl: ReturnType<typeof useLightsI18n>['tl']): string {
  const runs: { version: number; from: ProjectLight['history'][number]; to: ProjectLight['history'][number] }[] = [];
  for (const h of history) {
    const last = runs.at(-1);
    if (last && last.version === h.ruleSetVersion) last.to = h;
    else runs.push({ version: h.ruleSetVersion, from: h, to: h });
  }
  const months = ({ from, to }: (typeof runs)[number]) =>
    from === to
      ? tl('light.rangeOne', { year: from.year, month: from.month })
      : tl(from.year === to.year ? 'light.range' : 'light.rangeYears', {
          fromYear: from.year,
          fromMonth: from.month,
          toYear: to.year,
          toMonth: to.month,
        });
  return runs
    .map((r) => tl('light.historyVersionPart', { months: months(r), version: r.version }))
    .join(tl('light.listSeparator'));
}
