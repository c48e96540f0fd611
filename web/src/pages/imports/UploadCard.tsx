// Step 1 of an import: the kind of ledger (项目台账 or 月报, and for reports the state they take), the
// unit imported into and the ledger file, sent with a progress bar.
import { Alert, Card, Form, Progress, Segmented, Typography, Upload, type UploadProps } from 'antd';
import { InboxOutlined, LoadingOutlined } from '@ant-design/icons';
import type { Id } from '../../api';
import { LEDGER_KINDS, type LedgerKind, type ReportImportState } from '../../api-imports';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useImportsI18n } from '../../i18n-imports';
import type { UnitNode } from '../../units';
import { IMPORT_LIMITS } from '../../../../src/domain/exchange/import-limits';
import { ReportStateSelect } from './shared';

/** What the file picker offers; the server decides from the bytes (and says why it refuses a file). */
const ACCEPT = '.xlsx,.csv,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
export const MAX_MB = IMPORT_LIMITS.maxFileBytes / 1024 / 1024;

export interface UploadState {
  fileName: string;
  /** Share of the bytes sent; at 100 the server is reading the workbook. */
  percent: number;
}

interface UploadCardProps {
  ledger: LedgerKind;
  onLedgerChange: (ledger: LedgerKind) => void;
  reportState: ReportImportState;
  onReportStateChange: (state: ReportImportState) => void;
  /** Whether the person may import approved reports (report.review). */
  canReview: boolean;
  roots: UnitNode[];
  /** Units outside the person's reach (a unit editor imports into their own subtree only). */
  disabledIds?: Set<Id>;
  unitId: Id | undefined;
  onUnitChange: (unitId: Id | undefined) => void;
  uploading: UploadState | null;
  /** The last refusal (not a ledger, password, too large…), shown until the next file. */
  error: { fileName: string; message: string } | null;
  onFile: (file: File) => void;
}

export function UploadCard({
  ledger,
  onLedgerChange,
  reportState,
  onReportStateChange,
  canReview,
  roots,
  disabledIds,
  unitId,
  onUnitChange,
  uploading,
  error,
  onFile,
}: UploadCardProps) {
  const { ti, tk, ledger: ledgerLabel } = useImportsI18n();

  // Never antd's own request: the page sends the file itself, with the unit, and follows its progress.
  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    onFile(file);
    return Upload.LIST_IGNORE;
  };

  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="import-upload-card">
      <Form layout="vertical" requiredMark={false}>
        <Form.Item label={ti('imports.ledger')} style={{ marginBottom: 16 }}>
          <Segmented<LedgerKind>
            value={ledger}
            onChange={onLedgerChange}
            options={LEDGER_KINDS.map((k) => ({
              value: k,
              label: <span data-testid={`import-ledger-${k}`}>{ledgerLabel(k)}</span>,
            }))}
            disabled={!!uploading}
            data-testid="import-ledger"
          />
        </Form.Item>
        <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 24 }}>
          <Form.Item
            label={ti('imports.unit')}
            extra={tk('imports.unitHint', ledger)}
            style={{ flex: '1 1 300px', maxWidth: 480 }}
            required
          >
            <UnitTreeSelect
              roots={roots}
              value={unitId}
              onChange={onUnitChange}
              disabledIds={disabledIds}
              data-testid="import-unit"
            />
          </Form.Item>
          {ledger === 'reports' && (
            <Form.Item
              label={ti('imports.reportState')}
              extra={<span data-testid="import-report-state-hint">{ti(`imports.reportStateHint.${reportState}`)}</span>}
              style={{ flex: '1 1 260px', maxWidth: 420 }}
            >
              <ReportStateSelect
                value={reportState}
                onChange={onReportStateChange}
                canReview={canReview}
                disabled={!!uploading}
                testId="import-report-state"
              />
            </Form.Item>
          )}
        </div>
      </Form>
      <Upload.Dragger
        // 'native' keeps a dropped file of another kind, so that the server can say what is wrong with it.
        accept={{ format: ACCEPT, filter: 'native' }}
        multiple={false}
        showUploadList={false}
        beforeUpload={beforeUpload}
        disabled={!!uploading || unitId === undefined}
        data-testid="import-dragger"
      >
        {uploading ? (
          <div style={{ padding: '0 16px' }} data-testid="import-uploading">
            <Typography.Text style={{ display: 'block', wordBreak: 'break-all' }}>
              {ti('imports.uploading', { name: uploading.fileName })}
            </Typography.Text>
            <Progress
              percent={uploading.percent}
              status="active"
              style={{ display: 'block', maxWidth: 420, margin: '8px auto' }}
            />
            {uploading.percent >= 100 && (
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                <LoadingOutlined style={{ marginInlineEnd: 6 }} />
                {ti('imports.analysing')}
              </Typography.Text>
            )}
          </div>
        ) : (
          <>
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {unitId === undefined ? ti('imports.chooseUnitFirst') : ti('imports.drop')}
            </p>
            <p className="ant-upload-hint" style={{ padding: '0 12px' }}>
              {ti('imports.dropHint', { mb: MAX_MB })}
            </p>
          </>
        )}
      </Upload.Dragger>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={ti('imports.uploadFailed')}
          description={error.message}
          data-testid="import-upload-error"
        />
      )}
    </Card>
  );
}
