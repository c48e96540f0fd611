// 月度计划曲线: a year's plan as twelve cumulative percentages, for projects whose investment is not
// spread evenly (a plant that buys its equipment in the autumn). Without one, 序时进度 is month/12.
import { Button, Grid, InputNumber, Space, Typography } from 'antd';
import { LineChartOutlined } from '@ant-design/icons';
import { parseCurve, TimeProgressError } from '../../../../src/domain/progress/time-progress';
import { useProjectsI18n, type ProjectsI18n } from '../../i18n-projects';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
/** The even curve, to start editing from: 8.33, 16.67, … 100. */
const EVEN = MONTHS.map((m) => Math.round((m * 10000) / 12) / 100);

/** The form rule for a curve: empty is fine (month/12); otherwise the domain's own check, in words. */
export function curveRule(tp: ProjectsI18n['tp']) {
  return {
    validator: async (_: unknown, value?: (number | null)[] | null) => {
      if (!value) return;
      try {
        parseCurve(value.map((v) => (v === null || v === undefined ? Number.NaN : v)));
      } catch (e) {
        if (!(e instanceof TimeProgressError)) throw e;
        const month = e.index === null ? '' : tp('curve.month', { m: e.index + 1 });
        throw new Error(tp(`curve.${e.code === 'MONTH' ? 'NOT_A_LIST' : e.code}`, { month }), { cause: e });
      }
    },
  };
}

/** Twelve cumulative percentages, or a button that starts from the even curve. */
export function PlanCurveInput({
  value,
  onChange,
  testId,
}: {
  value?: (number | null)[] | null;
  onChange?: (v: (number | null)[] | null) => void;
  testId: string;
}) {
  const { tp } = useProjectsI18n();
  const screens = Grid.useBreakpoint();
  if (!value) {
    return (
      <Button
        size="small"
        type="link"
        icon={<LineChartOutlined />}
        style={{ paddingInline: 0 }}
        onClick={() => onChange?.([...EVEN])}
        data-testid={`${testId}-add`}
      >
        {tp('curve.add')}
      </Button>
    );
  }
  const set = (i: number, v: number | null) => onChange?.(value.map((x, j) => (j === i ? v : x)));
  return (
    <div data-testid={testId} style={{ border: '1px dashed #d9d9d9', borderRadius: 6, padding: 8, marginBottom: 8 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 6 }} wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {tp('curve.help')}
        </Typography.Text>
        <Button size="small" type="link" onClick={() => onChange?.(null)} data-testid={`${testId}-clear`}>
          {tp('curve.clear')}
        </Button>
      </Space>
      <div style={{ display: 'grid', gridTemplateColumns: `repeat(${screens.md ? 6 : 3}, minmax(0, 1fr))`, gap: 6 }}>
        {MONTHS.map((m, i) => (
          <label key={m} style={{ display: 'flex', flexDirection: 'column', fontSize: 12, color: '#595959' }}>
            {tp('curve.month', { m })}
            <InputNumber
              size="small"
              min={0}
              max={100}
              precision={2}
              suffix="%"
              value={value[i]}
              onChange={(v) => set(i, typeof v === 'number' ? v : null)}
              style={{ width: '100%' }}
              data-testid={`${testId}-${m}`}
            />
          </label>
        ))}
      </div>
    </div>
  );
}
