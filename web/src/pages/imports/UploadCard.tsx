// Step 1 of an import: the unit imported into and the ledger file, sent with a progress bar.
import { Alert, Card, Form, Progress, Typography, Upload, type UploadProps } from 'antd';
import { InboxOutlined, LoadingOutlined } from '@ant-design/icons';
import type { Id } from '../../api';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useImportsI18n } from '../../i18n-imports';
import type { UnitNode } from '../../units';
import { IMPORT_LIMITS } from '../../../../src/domain/exchange/import-limits';

/** What the file picker offers; the server decides from the bytes (and says why it refuses a file). */
const ACCEPT = '.xlsx,.csv,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
export const MAX_MB = IMPORT_LIMITS.maxFileBytes / 1024 / 1024;

export interface UploadState {
  fileName: string;
  /** Share of the bytes sent; at 100 the server is reading the workbook. */
  percent: number;
}

interface UploadCardProps {
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

export function UploadCard({ roots, disabledIds, unitId, onUnitChange, uploading, error, onFile }: UploadCardProps) {
  const { ti } = useImportsI18n();

  // Never antd's own request: the page sends the file itself, with the unit, and follows its progress.
  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    onFile(file);
    return Upload.LIST_IGNORE;
  };

  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="import-upload-card">
      <Form layout="vertical" requiredMark={false}>
        <Form.Item label={ti('imports.unit')} extra={ti('imports.unitHint')} style={{ maxWidth: 480 }} required>
          <UnitTreeSelect roots={roots} value={unitId} onChange={onUnitChange} disabledIds={disabledIds} data-testid="import-unit" />
        </Form.Item>
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
            <Typography.Text style={{ display: 'block', wordBreak: 'break-all' }}>{ti('imports.uploading', { name: uploading.fileName })}</Typography.Text>
            <Progress percent={uploading.percent} status="active" style={{ display: 'block', maxWidth: 420, margin: '8px auto' }} />
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
            <p className="ant-upload-text">{unitId === undefined ? ti('imports.chooseUnitFirst') : ti('imports.drop')}</p>
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
