import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  ConfigProvider,
  Image,
  Input,
  Modal,
  Popconfirm,
  Spin,
  Typography,
  Upload,
  type UploadProps,
} from 'antd';
import { DeleteOutlined, LoadingOutlined, PlusOutlined } from '@ant-design/icons';
import { reportPhotosApi, type ReportPhoto } from '../../api-reports';
import { invalidateReportPhotos, reportPhotosQuery } from '../../features/reports/queries';
import { errorMessage } from '../../forms';
import { queryClient } from '../../queries/client';
import { formatTime } from '../../format';
import { usePhotosI18n } from '../../i18n-report-photos';
import { PHOTO_LIMITS } from '../../../../src/domain/reports/photo-rules';

/** What the file picker offers; the server decides from the bytes (HEIC only where it can read it). */
const ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif';
const MB = PHOTO_LIMITS.maxFileBytes / (1024 * 1024);
const MAX = PHOTO_LIMITS.perReport;

export interface ReportPhotosProps {
  reportId: number;
  /** The report is a draft or returned and the reader files it: photos may be added and deleted. */
  editable: boolean;
  /** Side of a thumbnail and of the upload card, in px. */
  size?: number;
  /** Shows "现场照片 2/9" above the strip and, when editable, the limits below it. */
  heading?: boolean;
  /** Called with the new number of photos after an upload or a deletion. */
  onCountChange?: (count: number) => void;
  /**
   * The number of photos the page believes the report has: when it changes (the same report's photos
   * were changed elsewhere on the page, e.g. in the edit dialog), the strip reads them again.
   */
  expectedCount?: number;
}

/**
 * 现场照片 of one report revision: thumbnails with their captions that open the full photo (and page
 * through the others); while the report is editable, an upload card — each chosen file asks for its
 * caption before it goes — and a delete button on each photo.
 */
export function ReportPhotos({
  reportId,
  editable,
  size = 96,
  heading = false,
  onCountChange,
  expectedCount,
}: ReportPhotosProps) {
  const tr = usePhotosI18n();
  const { message } = App.useApp();
  const query = useQuery(reportPhotosQuery(reportId));
  const photos = query.data ?? null;
  const loadError = query.error ? errorMessage(query.error) : null;
  // Files chosen and waiting for their caption, uploaded one at a time; `batch` counts the current choice.
  const [queue, setQueue] = useState<File[]>([]);
  const [batch, setBatch] = useState(0);
  const [caption, setCaption] = useState('');
  const [uploading, setUploading] = useState(false);

  // The page's count differs from the strip's (the photos were changed elsewhere): read them again.
  const shownCount = photos?.length;
  const { refetch } = query;
  useEffect(() => {
    if (expectedCount !== undefined && shownCount !== undefined && expectedCount !== shownCount) void refetch();
  }, [expectedCount, shownCount, refetch]);

  /** Every strip of this report shows the new photos; the lists that count them read again. */
  const changed = (next: ReportPhoto[]) => {
    queryClient.setQueryData(reportPhotosQuery(reportId).queryKey, next);
    onCountChange?.(next.length);
    void invalidateReportPhotos(reportId);
  };

  const current = queue[0] ?? null;
  const previewUrl = useMemo(() => (current ? URL.createObjectURL(current) : null), [current]);
  useEffect(() => () => void (previewUrl && URL.revokeObjectURL(previewUrl)), [previewUrl]);

  // antd calls this once per chosen file with the whole choice; it is handled once, at the first file.
  const beforeUpload: UploadProps['beforeUpload'] = (file, chosen) => {
    if (file !== chosen[0] || !photos) return false;
    const fitting = chosen.filter((f) => {
      if (f.size <= PHOTO_LIMITS.maxFileBytes) return true;
      void message.error(tr('photos.tooLarge', { name: f.name, mb: MB }));
      return false;
    });
    const room = MAX - photos.length - queue.length;
    if (fitting.length > room) void message.warning(tr('photos.full', { max: MAX }));
    const taken = fitting.slice(0, Math.max(room, 0));
    if (taken.length) {
      setBatch(queue.length ? batch + taken.length : taken.length);
      setQueue([...queue, ...taken]);
    }
    return false; // never antd's own request: the upload goes through the API client with its caption
  };

  const next = () => {
    setCaption('');
    setQueue((q) => q.slice(1));
  };

  const upload = async () => {
    if (!current || !photos || uploading) return;
    setUploading(true);
    try {
      const added = await reportPhotosApi.upload(reportId, current, current.name, caption.trim());
      changed([...photos, added]);
      void message.success(tr('photos.uploaded'));
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setUploading(false);
      next();
    }
  };

  const remove = async (photo: ReportPhoto) => {
    if (!photos) return;
    try {
      await reportPhotosApi.remove(photo.id);
      changed(photos.filter((p) => p.id !== photo.id));
      void message.success(tr('photos.deleted'));
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  const count = photos?.length ?? 0;
  const canAdd = editable && photos !== null && count + queue.length < MAX;

  return (
    <div data-testid={`report-photos-${reportId}`} data-count={photos?.length ?? ''}>
      {heading && (
        <div style={{ marginBottom: 8 }}>
          <Typography.Text>{tr('photos.title')}</Typography.Text>
          {photos && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {tr('photos.count', { n: count, max: MAX })}
            </Typography.Text>
          )}
        </div>
      )}
      {loadError && <Typography.Text type="danger">{loadError}</Typography.Text>}
      {!photos && !loadError && <Spin size="small" />}
      {photos && (
        <ConfigProvider theme={{ components: { Upload: { pictureCardSize: size } } }}>
          <Image.PreviewGroup>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'flex-start' }}>
              {photos.map((p) => (
                <figure
                  key={p.id}
                  style={{ margin: 0, width: size, position: 'relative' }}
                  data-testid={`report-photo-${p.id}`}
                  title={tr('photos.by', { name: p.createdBy, time: formatTime(p.createdAt) })}
                >
                  <Image
                    src={p.urls.thumb}
                    preview={{ src: p.urls.photo }}
                    width={size}
                    height={size}
                    alt={p.caption || p.fileName}
                    style={{ objectFit: 'cover', borderRadius: 6, border: '1px solid #f0f0f0' }}
                    data-testid={`report-photo-thumb-${p.id}`}
                  />
                  {editable && (
                    <Popconfirm
                      title={tr('photos.deleteConfirm')}
                      onConfirm={() => remove(p)}
                      okButtonProps={{ danger: true, 'data-testid': `report-photo-delete-ok-${p.id}` }}
                    >
                      <Button
                        size="small"
                        shape="circle"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={tr('photos.delete')}
                        style={{
                          position: 'absolute',
                          top: 4,
                          insetInlineEnd: 4,
                          boxShadow: '0 1px 3px rgba(0,0,0,.25)',
                        }}
                        data-testid={`report-photo-delete-${p.id}`}
                      />
                    </Popconfirm>
                  )}
                  {p.caption && (
                    <figcaption>
                      <Typography.Text
                        style={{ fontSize: 12, width: size, display: 'block' }}
                        ellipsis={{ tooltip: p.caption }}
                        data-testid={`report-photo-caption-${p.id}`}
                      >
                        {p.caption}
                      </Typography.Text>
                    </figcaption>
                  )}
                </figure>
              ))}
              {canAdd && (
                <Upload
                  listType="picture-card"
                  accept={ACCEPT}
                  multiple
                  showUploadList={false}
                  beforeUpload={beforeUpload}
                  disabled={uploading}
                  data-testid={`report-photo-upload-${reportId}`}
                >
                  <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 4, fontSize: 12 }}>
                    {uploading ? <LoadingOutlined /> : <PlusOutlined />}
                    {tr('photos.add')}
                  </div>
                </Upload>
              )}
              {!editable && count === 0 && <Typography.Text type="secondary">{tr('photos.empty')}</Typography.Text>}
            </div>
          </Image.PreviewGroup>
        </ConfigProvider>
      )}
      {editable && heading && photos && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 6 }}>
          {tr('photos.hint', { max: MAX, mb: MB })}
        </Typography.Text>
      )}
      {current && (
        <Modal
          open
          title={
            batch > 1
              ? tr('photos.captionTitleOf', { i: batch - queue.length + 1, n: batch })
              : tr('photos.captionTitle')
          }
          onCancel={next}
          maskClosable={false}
          destroyOnHidden
          footer={[
            <Button key="skip" onClick={next} disabled={uploading}>
              {tr('photos.skip')}
            </Button>,
            <Button
              key="upload"
              type="primary"
              loading={uploading}
              onClick={() => void upload()}
              data-testid="report-photo-upload-ok"
            >
              {tr('photos.upload')}
            </Button>,
          ]}
        >
          {previewUrl && (
            <img
              src={previewUrl}
              alt={current.name}
              // A browser that cannot show the format (HEIC in most) shows the name alone.
              onError={(e) => void (e.currentTarget.style.display = 'none')}
              style={{
                display: 'block',
                width: '100%',
                maxHeight: 260,
                objectFit: 'contain',
                background: '#fafafa',
                borderRadius: 6,
                marginBottom: 8,
              }}
            />
          )}
          <Typography.Text
            type="secondary"
            style={{ display: 'block', fontSize: 12, marginBottom: 12, wordBreak: 'break-all' }}
          >
            {current.name}
          </Typography.Text>
          <Input
            value={caption}
            onChange={(e) => setCaption(e.target.value)}
            maxLength={PHOTO_LIMITS.captionMax}
            showCount
            placeholder={tr('photos.captionPlaceholder')}
            aria-label={tr('photos.caption')}
            onPressEnter={() => void upload()}
            data-testid="report-photo-caption"
          />
        </Modal>
      )}
    </div>
  );
}
