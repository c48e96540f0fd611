import { InputNumber, Space } from 'antd';
import { useProjectsI18n } from '../../i18n-projects';

interface WanInputProps {
  /** The amount in 万元 as decimal text (exact, up to 4 decimals). */
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  'data-testid'?: string;
}

/** A money input in 万元 (two to four decimals) with the unit beside it; a Form.Item control. */
export function WanInput({ value, onChange, placeholder, 'data-testid': testId }: WanInputProps) {
  const { tp } = useProjectsI18n();
  return (
    <Space.Compact style={{ width: '100%' }}>
      <InputNumber<string>
        stringMode
        min="0"
        step="0.01"
        value={value ?? null}
        onChange={(next) => onChange?.(next === null || next === '' ? null : String(next))}
        placeholder={placeholder}
        style={{ width: '100%' }}
        data-testid={testId}
      />
      <Space.Addon>{tp('p.wan')}</Space.Addon>
    </Space.Compact>
  );
}
