import { DatePicker } from 'antd';
import dayjs from 'dayjs';

interface DateInputProps {
  /** YYYY-MM-DD or empty. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Latest date that can be picked (YYYY-MM-DD), e.g. today for actual dates. */
  maxDate?: string;
  placeholder?: string;
  disabled?: boolean;
  style?: React.CSSProperties;
  'data-testid'?: string;
}

/** A DatePicker whose value is the plain YYYY-MM-DD string the API uses; a Form.Item control. */
export function DateInput({ value, onChange, maxDate, style, ...rest }: DateInputProps) {
  return (
    <DatePicker
      {...rest}
      value={value ? dayjs(value) : null}
      onChange={(date) => onChange?.(date ? date.format('YYYY-MM-DD') : null)}
      format="YYYY-MM-DD"
      maxDate={maxDate ? dayjs(maxDate) : undefined}
      style={{ width: '100%', ...style }}
    />
  );
}
