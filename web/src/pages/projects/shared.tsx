// Small pieces shared by the project pages: stage and level tags, the industry catalogue, money text.
import { useQuery } from '@tanstack/react-query';
import { Tag } from 'antd';
import { projectsApi, type Industries } from '../../api-projects';
import { useProjectsI18n } from '../../i18n-projects';
import { STAGE_LABELS, type Stage } from '../../../../src/domain/projects/lifecycle';
import { LEVEL_LABELS } from '../../../../src/domain/projects/project-fields';
import { formatWan } from '../../../../src/domain/money/money';

export const STAGE_COLORS: Record<Stage, string> = {
  planning: 'purple',
  reserve: 'geekblue',
  preparing: 'cyan',
  construction: 'blue',
  completed: 'lime',
  production: 'green',
  capacity: 'gold',
  suspended: 'orange',
  dropped: 'default',
};

const LEVEL_COLORS: Record<string, string> = { provincial: 'volcano', municipal: 'orange', county: 'blue' };

/** The stage as a coloured tag. */
export function StageTag({ stage, large = false, testId }: { stage: Stage; large?: boolean; testId?: string }) {
  const { label } = useProjectsI18n();
  return (
    <Tag
      color={STAGE_COLORS[stage] ?? 'default'}
      style={
        large ? { fontSize: 15, padding: '3px 12px', lineHeight: '22px', marginInlineEnd: 0 } : { marginInlineEnd: 0 }
      }
      data-testid={testId}
      data-stage={stage}
    >
      {label(STAGE_LABELS, stage)}
    </Tag>
  );
}

/** 省重大/市重点/县重点 and 亿元以上, as tags (nothing when neither applies). */
export function LevelTags({ level, aboveYi }: { level: string | null; aboveYi: boolean }) {
  const { tp, label } = useProjectsI18n();
  return (
    <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap' }}>
      {level && (
        <Tag color={LEVEL_COLORS[level] ?? 'default'} style={{ marginInlineEnd: 0 }}>
          {label(LEVEL_LABELS, level)}
        </Tag>
      )}
      {aboveYi && (
        <Tag color="gold" variant="outlined" style={{ marginInlineEnd: 0 }}>
          {tp('p.aboveYi')}
        </Tag>
      )}
    </span>
  );
}

const NO_INDUSTRIES: Industries = { sections: [], divisions: [] };

/** GB/T 4754 sections and divisions, fetched once and cached for every page. */
export function useIndustries(): Industries | null {
  // The catalogue is shipped data: asked once, shared by every page; a failure shows an empty catalogue.
  const query = useQuery({ queryKey: ['industries'], queryFn: () => projectsApi.industries(), staleTime: Infinity });
  return query.data ?? (query.isError ? NO_INDUSTRIES : null);
}

/** Integer 元 as the plain 万元 decimal a money input shows ("12345.5"), '' for null. */
export function yuanToWanText(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined) return '';
  return formatWan(yuan, 4)
    .replace(/,/g, '')
    .replace(/\.?0+$/, '');
}

/** The date part of an ISO time or a plain date. */
export const dateOf = (value: string | null | undefined) => (value ? value.slice(0, 10) : '');
