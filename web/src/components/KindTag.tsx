import { Tag } from 'antd';
import { useI18n } from '../i18n';

const KIND_COLORS: Record<string, string> = {
  county: 'volcano',
  street: 'blue',
  township: 'green',
  department: 'purple',
  platform: 'gold',
  village: 'cyan',
  other: 'default',
};

/** A unit kind as a coloured tag (县市区, 街道, 乡镇…). */
export function KindTag({ kind }: { kind: string }) {
  const { kindLabel } = useI18n();
  return (
    <Tag color={KIND_COLORS[kind] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {kindLabel(kind)}
    </Tag>
  );
}
