import { useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Skeleton, Typography } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { reportsApi, type Report } from '../../api-reports';
import { reportQuery } from '../../features/reports/queries';
import { errorMessage, placeApiError } from '../../forms';
import { useReportsI18n } from '../../i18n-reports';
import { usePhotosI18n } from '../../i18n-report-photos';
import { submitDeadline } from '../../../../src/domain/reports/report-rules';
import { WanInput } from '../projects/WanInput';
import { yuanToWanText } from '../projects/shared';
import { ReportPhotos } from './ReportPhotos';
import { isFuturePeriod, type Period } from './shared';
import { REPORT_TEXT_FIELDS } from '../../../../src/domain/reports/report-fields';

interface Values {
  month?: Dayjs | null;
  amountWan?: string | null;
  progressText?: string;
  problems?: string;
}

export interface ReportFormTarget {
  projectId: number;
  projectName: string;
  /** The month to file; absent: the form asks for it (the project page). */
  period?: Period;
  /** Proposed month when the form asks for it. */
  suggested?: Period;
  /** Months that already have a report ("2026-10"), not offered when the form asks. */
  taken?: Set<string>;
  /** A draft or returned report to edit (PATCH) instead of a new one (POST). */
  reportId?: number | null;
}

const monthKey = (year: number, month: number) => `${year}-${month}`;

/**
 * 填报 / 修改: 本月完成投资 (万元), 形象进度, 存在问题; 保存草稿 or 保存并报送 in one go. Site photos
 * (现场照片) go on the report once it exists: a new one is first saved as a draft without closing.
 * Mounted while open. onChanged runs after anything was saved, even when a later step failed.
 */
export function ReportFormModal({
  target,
  onClose,
  onChanged,
}: {
  target: ReportFormTarget;
  onClose: () => void;
  onChanged: (report: Report) => void;
}) {
  const { tr, period: periodText } = useReportsI18n();
  const ptr = usePhotosI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // 'photos': saving the new draft so that photos can be added, the dialog staying open.
  const [busy, setBusy] = useState<'draft' | 'submit' | 'photos' | null>(null);
  // A report to edit is read when the dialog opens, never from an older answer: the form starts from it.
  const loaded = useQuery({
    ...reportQuery(target.reportId ?? 0),
    enabled: Boolean(target.reportId),
    gcTime: 0,
  });
  // The draft created here so that photos can be added.
  const [created, setCreated] = useState<Report | null>(null);
  const existing = created ?? loaded.data ?? null;
  const loadError = loaded.error ? errorMessage(loaded.error) : null;
  // The report this modal saved last (created or updated here); before that, the one loaded for editing.
  const saved = useRef<Report | null>(null);
  const editing = Boolean(target.reportId);
  const chooseMonth = !target.period && !editing && !existing;

  const chosen = Form.useWatch('month', form);
  const period: Period | null = existing
    ? { year: existing.year, month: existing.month }
    : (target.period ?? (chosen ? { year: chosen.year(), month: chosen.month() + 1 } : null));

  const save = async (andSubmit: boolean, stayForPhotos = false) => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (!period) return;
    setBusy(stayForPhotos ? 'photos' : andSubmit ? 'submit' : 'draft');
    const body = {
      amountWan: values.amountWan ?? '0',
      progressText: values.progressText?.trim() ?? '',
      problems: values.problems?.trim() ?? '',
    };
    try {
      const base = saved.current ?? loaded.data;
      let report = base
        ? await reportsApi.update(base.id, body)
        : await reportsApi.create(target.projectId, { year: period.year, month: period.month, ...body });
      saved.current = report;
      if (stayForPhotos) {
        // The draft exists now: the photo strip below takes over, the dialog stays open.
        setCreated(report);
        setBusy(null);
        message.success(tr('done.draft'));
        onChanged(report);
        return;
      }
      if (andSubmit) report = await reportsApi.submit(report.id);
      message.success(tr(andSubmit ? 'done.submitted' : 'done.draft'));
      onChanged(report);
      onClose();
    } catch (e) {
      const last = saved.current ?? loaded.data;
      if (last) onChanged(last);
      const shown = placeApiError(form, e);
      if (shown) message.error(shown);
      setBusy(null);
    }
  };

  const loading = editing && !existing && !loadError;

  return (
    <Modal
      open
      title={tr(editing ? 'form.editTitle' : 'form.title')}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {tr('form.cancel')}
        </Button>,
        <Button
          key="draft"
          loading={busy === 'draft'}
          disabled={loading || Boolean(loadError) || busy === 'submit' || busy === 'photos'}
          onClick={() => void save(false)}
          data-testid="report-save-draft"
        >
          {tr('form.saveDraft')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={busy === 'submit'}
          disabled={loading || Boolean(loadError) || busy === 'draft' || busy === 'photos'}
          onClick={() => void save(true)}
          data-testid="report-save-submit"
        >
          {tr('form.saveSubmit')}
        </Button>,
      ]}
    >
      <div style={{ margin: '12px 0 16px' }}>
        <Typography.Text strong>{target.projectName}</Typography.Text>
        {period && (
          <div>
            <Typography.Text type="secondary">
              {tr('form.deadline', {
                period: periodText(period.year, period.month),
                date: submitDeadline(period.year, period.month),
              })}
            </Typography.Text>
          </div>
        )}
      </div>
      {loadError && <Alert type="error" showIcon title={loadError} style={{ marginBottom: 16 }} />}
      {existing?.state === 'returned' && existing.returnReason && (
        <Alert
          type="warning"
          showIcon
          title={tr('form.returnedBecause', { reason: existing.returnReason })}
          style={{ marginBottom: 16 }}
        />
      )}
      {loading ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : (
        <>
          <Form<Values>
            form={form}
            layout="vertical"
            data-testid="report-form"
            style={{ paddingBottom: 12 }}
            initialValues={
              existing
                ? {
                    amountWan: yuanToWanText(existing.amountYuan),
                    progressText: existing.progressText,
                    problems: existing.problems,
                  }
                : {
                    month: target.suggested
                      ? dayjs(`${target.suggested.year}-${String(target.suggested.month).padStart(2, '0')}-01`)
                      : null,
                  }
            }
            onFinish={() => void save(false)}
          >
            {chooseMonth && (
              <Form.Item
                name="month"
                label={tr('form.month')}
                rules={[
                  { required: true, message: tr('form.monthRequired') },
                  {
                    validator: (_, value: Dayjs | null) =>
                      value && target.taken?.has(monthKey(value.year(), value.month() + 1))
                        ? Promise.reject(new Error(tr('form.monthTaken')))
                        : Promise.resolve(),
                  },
                ]}
              >
                <DatePicker
                  picker="month"
                  allowClear={false}
                  format={(value) => periodText(value.year(), value.month() + 1)}
                  disabledDate={(d) =>
                    isFuturePeriod({ year: d.year(), month: d.month() + 1 }) ||
                    Boolean(target.taken?.has(monthKey(d.year(), d.month() + 1)))
                  }
                  style={{ width: '100%' }}
                  data-testid="report-form-month"
                />
              </Form.Item>
            )}
            <Form.Item
              name="amountWan"
              label={tr('form.amount')}
              rules={[{ required: true, message: tr('form.amountRequired') }]}
            >
              <WanInput data-testid="report-form-amount" />
            </Form.Item>
            <Form.Item name="progressText" label={tr('form.progress')}>
              <Input.TextArea
                rows={3}
                maxLength={REPORT_TEXT_FIELDS.progressText.maxLength}
                showCount
                placeholder={tr('form.progressPlaceholder')}
                data-testid="report-form-progress"
              />
            </Form.Item>
            <Form.Item name="problems" label={tr('form.problems')}>
              <Input.TextArea
                rows={2}
                maxLength={REPORT_TEXT_FIELDS.problems.maxLength}
                showCount
                placeholder={tr('form.problemsPlaceholder')}
                data-testid="report-form-problems"
              />
            </Form.Item>
          </Form>
          <div style={{ borderTop: '1px solid #f0f0f0', padding: '12px 0 4px' }} data-testid="report-form-photos">
            {existing ? (
              <ReportPhotos
                reportId={existing.id}
                editable={existing.can.edit}
                heading
                onCountChange={(photoCount) => onChanged({ ...existing, photoCount })}
              />
            ) : (
              <>
                <Typography.Text>{ptr('photos.title')}</Typography.Text>
                <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginTop: 8 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {ptr('photos.afterDraft')}
                  </Typography.Text>
                  <Button
                    size="small"
                    icon={<CameraOutlined />}
                    loading={busy === 'photos'}
                    disabled={busy !== null}
                    onClick={() => void save(false, true)}
                    data-testid="report-save-draft-photos"
                  >
                    {ptr('photos.saveDraftFirst')}
                  </Button>
                </div>
              </>
            )}
          </div>
        </>
      )}
    </Modal>
  );
}
