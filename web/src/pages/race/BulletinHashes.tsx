import { Descriptions, Typography } from 'antd';
import type { Bulletin, BulletinFileDigest } from '../../api-race';
import { useRaceI18n } from '../../i18n-race';

/**
 * The SHA-256 of the bulletin's Word, PDF and Excel files: a download is byte-identical on any day, so
 * a recipient can check the file they were sent against what is shown here. Nothing before the API
 * lists the digests (an older server, or the publish response).
 */
export function BulletinHashes({ files }: { files: Bulletin['files'] }) {
  const { tk } = useRaceI18n();
  if (!files) return null;
  const digest = (file: BulletinFileDigest | null) =>
    file ? (
      <span>
        <Typography.Text code copyable={{ text: file.sha256 }} style={{ wordBreak: 'break-all', fontSize: 12 }}>
          {file.sha256}
        </Typography.Text>{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {tk('bulletins.hashBytes', { size: file.bytes.toLocaleString() })}
        </Typography.Text>
      </span>
    ) : (
      <Typography.Text type="secondary">{tk('bulletins.hashNoPdf')}</Typography.Text>
    );
  return (
    <Descriptions
      data-testid="bulletin-hashes"
      size="small"
      column={1}
      bordered
      style={{ marginBottom: 16 }}
      title={<span style={{ fontSize: 14 }}>{tk('bulletins.hashes')}</span>}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {tk('bulletins.hashesHint')}
        </Typography.Text>
      }
      items={[
        { key: 'docx', label: tk('bulletins.hashWord'), children: digest(files.docx) },
        { key: 'pdf', label: tk('bulletins.hashPdf'), children: digest(files.pdf) },
        ...(files.xlsx ? [{ key: 'xlsx', label: tk('bulletins.hashExcel'), children: digest(files.xlsx) }] : []),
      ]}
    />
  );
}
