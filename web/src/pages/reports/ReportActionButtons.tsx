// The buttons of one report, as the server says the actor may use them (report.can): 修改, 报送, 通过, 退回, 更正.
import { Button } from 'antd';
import { CheckOutlined, EditOutlined, RollbackOutlined, SendOutlined, SwapOutlined } from '@ant-design/icons';
import type { Report } from '../../api-reports';
import { useReportsI18n } from '../../i18n-reports';

export function ReportActionButtons({
  report: r,
  busy,
  onEdit,
  onAct,
  onReturn,
  onCorrect,
  style,
}: {
  report: Report;
  busy: boolean;
  onEdit: () => void;
  onAct: (action: 'submit' | 'approve') => void;
  onReturn: () => void;
  onCorrect: () => void;
  /** Applied to the row of buttons; nothing renders when the actor may do nothing with the report. */
  style?: React.CSSProperties;
}) {
  const { tr } = useReportsI18n();
  const buttons = [];
  if (r.can.edit) {
    buttons.push(
      <Button
        key="edit"
        size="small"
        icon={<EditOutlined />}
        disabled={busy}
        onClick={onEdit}
        data-testid={`report-edit-${r.id}`}
      >
        {tr('action.edit')}
      </Button>,
    );
  }
  if (r.can.submit) {
    buttons.push(
      <Button
        key="submit"
        size="small"
        type="primary"
        icon={<SendOutlined />}
        loading={busy}
        onClick={() => onAct('submit')}
        data-testid={`report-submit-${r.id}`}
      >
        {tr('action.submit')}
      </Button>,
    );
  }
  if (r.can.approve) {
    buttons.push(
      <Button
        key="approve"
        size="small"
        type="primary"
        icon={<CheckOutlined />}
        loading={busy}
        onClick={() => onAct('approve')}
        data-testid={`report-approve-${r.id}`}
      >
        {tr('action.approve')}
      </Button>,
    );
  }
  if (r.can.return) {
    buttons.push(
      <Button
        key="return"
        size="small"
        danger
        icon={<RollbackOutlined />}
        disabled={busy}
        onClick={onReturn}
        data-testid={`report-return-${r.id}`}
      >
        {tr('action.return')}
      </Button>,
    );
  }
  if (r.can.correct) {
    buttons.push(
      <Button
        key="correct"
        size="small"
        icon={<SwapOutlined />}
        onClick={onCorrect}
        data-testid={`report-correct-${r.id}`}
      >
        {tr('action.correct')}
      </Button>,
    );
  }
  return buttons.length ? <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap', ...style }}>{buttons}</div> : null;
}
