// 导入台账: a ledger from Excel into the project library, or monthly reports (月报) into the reports.
// Upload (kind, unit and file) → the columns as found, corrected by the person → a preview → 检查
// (dry run) with every error by cell and the marked workbook → 确认导入 (all rows or none) with
// progress → the result; the past imports below. The kind chosen stays in the address (?ledger=reports).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Grid, Steps, Typography } from 'antd';
import { DownloadOutlined, SwapOutlined } from '@ant-design/icons';
import type { Id } from '../../api';
import {
  DEFAULT_REPORT_IMPORT_STATE,
  IMPORT_TEMPLATE_URLS,
  importsApi,
  RUNNING_STATUSES,
  type ImportView,
  type LedgerKind,
  type MappingChange,
  type PreviewRow,
  type ReportImportState,
  type RowError,
} from '../../api-imports';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../forms';
import { useImportsI18n } from '../../i18n-imports';
import { navigate } from '../../router';
import { getRouteApi } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { invalidateReports } from '../../features/reports/queries';
import { useSession } from '../../session';
import { subtreeIds } from '../../units';
import { reachOf, type Role } from '../../../../src/domain/access/roles';
import { useUnits } from '../../useUnits';
import { IMPORT_LIMITS } from '../../../../src/domain/exchange/import-limits';
import { CheckCard } from './CheckCard';
import { rereadHeader } from './headerRow';
import { ImportHistory } from './ImportHistory';
import { ImportResult } from './ImportResult';
import { MappingCard, mappingChange } from './MappingCard';
import { PreviewCard } from './PreviewCard';
import { MAX_MB, UploadCard, type UploadState } from './UploadCard';

/** How often a running check or commit is asked for its progress (docs/API.md: about once a second). */
const POLL_MS = 1000;
const ERRORS_PAGE = 200;

/** The kind of ledger the address names: ?ledger=reports or ?ledger=enterprises, else project ledgers. */
const route = getRouteApi('/imports');
const importsUrl = (ledger: LedgerKind) => (ledger === 'projects' ? '/imports' : `/imports?ledger=${ledger}`);

export function ImportsPage() {
  const { ti, tk, lang } = useImportsI18n();
  const { message } = App.useApp();
  const { me, can } = useSession();
  const canReview = can('report.review');
  const chosenLedger: LedgerKind = route.useSearch().ledger ?? 'projects';
  const [reportState, setReportState] = useState<ReportImportState>(DEFAULT_REPORT_IMPORT_STATE);
  const { units, roots } = useUnits();
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;

  // Someone who adds projects anywhere (a coordinator) imports the county's ledger by default, whose rows
  // name townships and departments; anyone else their own unit. The server defaults the same way.
  const countyWide = me.role !== null && reachOf(me.role as Role, 'project', 'create') === 'all';
  const [chosenUnit, setUnitId] = useState<Id | undefined>(undefined);
  const unitId = chosenUnit ?? (countyWide ? roots[0]?.unit.id : undefined) ?? me.unitId ?? undefined;
  const [view, setView] = useState<ImportView | null>(null);
  const [preview, setPreview] = useState<PreviewRow[] | null>(null);
  // The chosen file stays in memory: reading another of its sheets sends it again.
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState<UploadState | null>(null);
  const [uploadError, setUploadError] = useState<{ fileName: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<RowError[]>([]);
  const [errorsCursor, setErrorsCursor] = useState<string | null>(null);
  const [loadingErrors, setLoadingErrors] = useState(false);
  const [historyKey, setHistoryKey] = useState(0);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  // A unit editor imports into their own unit and the units below it; others anywhere.
  const disabledIds = useMemo(() => {
    if (me.role !== 'unit_editor' || me.unitId === null || units.length === 0) return undefined;
    const reach = subtreeIds(units, me.unitId);
    return new Set<Id>(units.filter((u) => !reach.has(u.id)).map((u) => u.id));
  }, [me.role, me.unitId, units]);

  /** Takes an answer about the import; answers without a preview keep the last one. */
  const accept = useCallback((next: ImportView) => {
    setView(next);
    if (next.preview) setPreview(next.preview);
  }, []);

  const reset = () => {
    setView(null);
    setPreview(null);
    setFile(null);
    setErrors([]);
    setErrorsCursor(null);
    setUploadError(null);
  };

  const chooseLedger = (ledger: LedgerKind) => navigate(importsUrl(ledger), { replace: true });

  /** Sends a file: a new one with the kind chosen above, or the same one again for another sheet. */
  const upload = async (chosen: File, sheet?: string, again?: ImportView) => {
    if (unitId === undefined) return;
    const ledger = again?.ledger ?? chosenLedger;
    const state = again ? again.options.reportState : reportState;
    setUploadError(null);
    if (chosen.size > IMPORT_LIMITS.maxFileBytes) {
      setUploadError({ fileName: chosen.name, message: ti('imports.tooLarge', { name: chosen.name, mb: MAX_MB }) });
      return;
    }
    abort.current = new AbortController();
    setUploading({ fileName: chosen.name, percent: 0 });
    try {
      const answer = await importsApi.upload(chosen, unitId, {
        lang,
        sheet,
        ledger,
        reportState: ledger === 'reports' ? state : undefined,
        signal: abort.current.signal,
        onProgress: (percent) => setUploading({ fileName: chosen.name, percent }),
      });
      accept(answer);
      setFile(chosen);
      setErrors([]);
      setErrorsCursor(null);
    } catch (e) {
      if (abort.current?.signal.aborted) return;
      if (sheet) void message.error(errorMessage(e));
      else setUploadError({ fileName: chosen.name, message: errorMessage(e) });
    } finally {
      setUploading(null);
    }
  };

  /** Runs a request that answers with the import, keeping the page busy meanwhile. */
  const act = async (request: () => Promise<ImportView>, done?: () => void) => {
    setBusy(true);
    try {
      accept(await request());
      setErrors([]);
      setErrorsCursor(null);
      done?.();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const changeMapping = (change: MappingChange) => view && void act(() => importsApi.setMapping(view.id, change));
  const saveMapping = () =>
    view &&
    void act(
      () => importsApi.setMapping(view.id, { ...mappingChange(view), save: true }),
      () => void message.success(ti('imports.mapping.saved', { unit: view.unitName ?? '' })),
    );
  const changeSheet = (sheet: string) => file && view && void upload(file, sheet, view);
  /** The same file read again as the other kind of ledger (its state the kind's default). */
  const switchLedger = (ledger: LedgerKind) => {
    if (!file || !view) return;
    chooseLedger(ledger);
    void upload(file, view.sheet ?? undefined, { ...view, ledger, options: {} });
  };
  const changeHeaderRow = (row: number) =>
    view &&
    void act(
      () => rereadHeader(view, row),
      () => void message.success(ti('imports.headerRow.done', { row })),
    );
  const check = () => view && void act(() => importsApi.startCheck(view.id));
  const commit = () => view && void act(() => importsApi.startCommit(view.id));

  // While a check or commit runs, its progress is read again and again until it ends.
  const running = !!view && RUNNING_STATUSES.includes(view.status);
  const progress = useQuery({
    queryKey: ['imports', 'progress', running ? view.id : null],
    queryFn: () => importsApi.get(view!.id),
    enabled: running,
    // Every second while it runs; every three after a failed read, until one succeeds.
    refetchInterval: (query) => (query.state.status === 'error' ? 3000 : POLL_MS),
    // Nothing kept once it ends: the next run of the same import starts from its own first answer.
    gcTime: 0,
  });
  useEffect(() => {
    if (progress.data) accept(progress.data);
  }, [progress.data, accept]);
  // One message per run of failures, not one per retry.
  const pollFailed = progress.isError;
  useEffect(() => {
    if (pollFailed && progress.error) void message.error(errorMessage(progress.error));
    // progress.error changes with every failed retry; the message is for the first.
  }, [pollFailed, message]);

  const loadErrors = useCallback(
    async (id: number, cursor: string | null) => {
      setLoadingErrors(true);
      try {
        const page = await importsApi.errors(id, { cursor, limit: ERRORS_PAGE });
        setErrors((current) => (cursor ? [...current, ...page.items] : page.items));
        setErrorsCursor(page.nextCursor);
      } catch (e) {
        void message.error(errorMessage(e));
      } finally {
        setLoadingErrors(false);
      }
    },
    [message],
  );

  // A finished check with errors lists them; every change of status refreshes the history. Keyed by
  // id and status alone: progress answers in between change nothing here.
  const viewId = view?.id;
  const status = view?.status;
  const hasErrors = !!view && view.errorCount > 0;
  useEffect(() => {
    if (viewId === undefined) return;
    if (status === 'invalid' && hasErrors) void loadErrors(viewId, null);
    // A committed ledger changed projects (and their reports): every cached list of them is stale.
    if (status === 'committed') void invalidateReports();
    setHistoryKey((k) => k + 1);
  }, [viewId, status, hasErrors, loadErrors]);

  const step = !view ? 0 : status === 'uploaded' ? 1 : status === 'committing' || status === 'committed' ? 3 : 2;
  const stepStatus =
    status === 'invalid' || status === 'failed' || status === 'interrupted'
      ? 'error'
      : status === 'committed'
        ? 'finish'
        : 'process';

  // The kind shown: the import's own once a file is read, else the one chosen.
  const ledger = view?.ledger ?? chosenLedger;

  return (
    <>
      <PageHeader
        title={ti('imports.title')}
        extra={
          <a
            href={IMPORT_TEMPLATE_URLS[ledger]}
            download
            style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}
            data-testid="import-template"
          >
            <DownloadOutlined />
            {tk('imports.template', ledger)}
          </a>
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8, maxWidth: 900 }} data-testid="import-intro">
        {tk('imports.intro', ledger)}
      </Typography.Paragraph>
      <Steps
        size="small"
        responsive={false}
        titlePlacement={isPhone ? 'vertical' : 'horizontal'}
        current={step}
        status={stepStatus}
        style={{ marginBottom: 16, maxWidth: 760 }}
        items={[
          { title: ti('imports.step.upload') },
          { title: ti('imports.step.mapping') },
          { title: ti('imports.step.check') },
          { title: ti('imports.step.commit') },
        ]}
        data-testid="import-steps"
      />

      {!view && (
        <UploadCard
          ledger={chosenLedger}
          onLedgerChange={chooseLedger}
          reportState={reportState}
          onReportStateChange={setReportState}
          canReview={canReview}
          roots={roots}
          disabledIds={disabledIds}
          unitId={unitId}
          onUnitChange={setUnitId}
          uploading={uploading}
          error={uploadError}
          onFile={(chosen) => void upload(chosen)}
        />
      )}

      {view && view.status === 'committed' && <ImportResult view={view} preview={preview} onAgain={reset} />}

      {view && view.status !== 'committed' && (
        <div data-testid="import-current" data-id={view.id} data-status={view.status} data-ledger={view.ledger}>
          <div
            style={{
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'space-between',
              flexWrap: 'wrap',
              gap: 8,
              marginBottom: 12,
            }}
          >
            <span>
              <Typography.Text type="secondary">{ti('imports.currentUnit')}</Typography.Text>{' '}
              <Typography.Text strong data-testid="import-current-unit">
                {view.unitName}
              </Typography.Text>
            </span>
            <Button
              icon={<SwapOutlined />}
              onClick={reset}
              disabled={running || !!uploading}
              data-testid="import-reupload"
            >
              {ti('imports.reupload')}
            </Button>
          </div>
          {view.suggestedLedger && file && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={ti('imports.suggested', {
                kind: ti(`imports.ledger.${view.suggestedLedger}`),
                chosen: ti(`imports.ledger.${view.ledger}`),
              })}
              action={
                <Button
                  size="small"
                  disabled={busy || !!uploading}
                  onClick={() => switchLedger(view.suggestedLedger!)}
                  data-testid="import-switch-ledger"
                >
                  {ti('imports.suggested.switch', { kind: ti(`imports.ledger.${view.suggestedLedger}`) })}
                </Button>
              }
              data-testid="import-suggested-ledger"
            />
          )}
          <MappingCard
            view={view}
            busy={busy || !!uploading}
            isPhone={isPhone}
            onChange={changeMapping}
            onSave={saveMapping}
            onSheet={changeSheet}
            onHeaderRow={changeHeaderRow}
            canReview={canReview}
          />
          {preview && <PreviewCard view={view} preview={preview} />}
          <CheckCard
            view={view}
            errors={errors}
            hasMoreErrors={!!errorsCursor}
            onMoreErrors={() => void loadErrors(view.id, errorsCursor)}
            loadingErrors={loadingErrors}
            busy={busy}
            isPhone={isPhone}
            onCheck={check}
            onCommit={commit}
          />
        </div>
      )}

      <ImportHistory reloadKey={historyKey} isPhone={isPhone} />
    </>
  );
}
