import { useState } from 'react';
import { App, Button, Empty, Image, Typography, Upload } from 'antd';
import { FilePdfOutlined, PaperClipOutlined } from '@ant-design/icons';
import { attachmentUrl, ticketsApi, type TicketDetail } from '../../api-tickets';
import { errorMessage } from '../../forms';
import { formatTime } from '../../format';
import { useTicketsI18n } from '../../i18n-tickets';
import { ATTACHMENT_LIMITS, ATTACHMENT_TYPES } from '../../../../src/domain/tickets/attachment-rules';

const MB = ATTACHMENT_LIMITS.maxFileBytes / (1024 * 1024);
const ACCEPT = [...ATTACHMENT_TYPES, '.jpg', '.jpeg', '.png', '.webp', '.pdf'].join(',');
const THUMB = 88;

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * A ticket's files: images as thumbnails that open full size (paging through the others), PDFs as links; while
 * the ticket is open, a party may add one (the server checks the content, the size and the count).
 */
export function TicketAttachments({
  ticket,
  canUpload,
  onUploaded,
}: {
  ticket: TicketDetail;
  canUpload: boolean;
  onUploaded: () => void;
}) {
  const { tt } = useTicketsI18n();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const images = ticket.attachments.filter((a) => a.contentType.startsWith('image/'));
  const documents = ticket.attachments.filter((a) => !a.contentType.startsWith('image/'));
  const full = ticket.attachments.length >= ATTACHMENT_LIMITS.perTicket;

  const upload = async (file: File) => {
    if (file.size > ATTACHMENT_LIMITS.maxFileBytes) {
      void message.error(tt('files.tooLarge', { name: file.name, mb: MB }));
      return;
    }
    setUploading(true);
    try {
      await ticketsApi.attach(ticket.id, file, file.name);
      void message.success(tt('files.uploaded', { name: file.name }));
      onUploaded();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setUploading(false);
    }
  };

  return (
    <div data-testid="ticket-attachments" data-count={ticket.attachments.length}>
      {ticket.attachments.length === 0 && !canUpload && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tt('files.none')} style={{ margin: 0 }} />
      )}
      {images.length > 0 && (
        <Image.PreviewGroup>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 8 }}>
            {images.map((a) => (
              <Image
                key={a.id}
                src={attachmentUrl(a.id)}
                width={THUMB}
                height={THUMB}
                alt={a.fileName}
                title={`${a.fileName} · ${formatTime(a.createdAt)}`}
                style={{ objectFit: 'cover', borderRadius: 6, border: '1px solid #f0f0f0' }}
                data-testid={`ticket-attachment-${a.id}`}
              />
            ))}
          </div>
        </Image.PreviewGroup>
      )}
      {documents.map((a) => (
        <div key={a.id} style={{ display: 'flex', gap: 6, alignItems: 'center', marginBottom: 6, minWidth: 0 }}>
          <FilePdfOutlined style={{ color: '#cf1322' }} />
          <a
            href={attachmentUrl(a.id)}
            target="_blank"
            rel="noreferrer"
            style={{ minWidth: 0, overflowWrap: 'anywhere' }}
            data-testid={`ticket-attachment-${a.id}`}
          >
            {a.fileName}
          </a>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {sizeText(a.bytes)}
          </Typography.Text>
        </div>
      ))}
      {canUpload && (
        <div style={{ marginTop: 4 }}>
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            disabled={full || uploading}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<PaperClipOutlined />} loading={uploading} disabled={full} data-testid="ticket-upload">
              {tt('files.add')}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
            {full
              ? tt('files.full', { n: ATTACHMENT_LIMITS.perTicket })
              : tt('files.limits', { mb: MB, n: ATTACHMENT_LIMITS.perTicket })}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}
