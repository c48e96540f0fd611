import { useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Grid, Input, Table, Typography, type TableColumnsType } from 'antd';
import { FileExcelOutlined, SaveOutlined, UndoOutlined, UploadOutlined } from '@ant-design/icons';
import { targetTotals } from '../../../../src/domain/race/target-totals';
import { ApiError } from '../../api';
import {
  raceApi,
  targetsExportUrl,
  type IndicatorInfo,
  type IndicatorKey,
  type RankableUnit,
  type TargetInput,
  type Targets,
} from '../../api-race';
import { errorMessage } from '../../forms';
import { useRaceI18n, type RaceMessageKey } from '../../i18n-race';
import { KindTag } from '../../components/KindTag';
import { parseTargetText, targetToText } from '../race/amounts';
import { fieldParts, useUnitText } from '../race/shared';
import { UnchangedBulletinsAlert } from './UnchangedBulletinsAlert';
import { invalidateRaceFigures, targetsQuery } from '../../features/race/queries';
import { queryClient } from '../../queries/client';
import type { BulletinsUnchangedWarning } from '../../api-race';

const cellKey = (unitId: number, indicator: string) => `${unitId}:${indicator}`;

/** One editable grid of units × indicators for a year; saves only the cells that changed. */
export function TargetsGrid({ year, indicators }: { year: number; indicators: IndicatorInfo[] }) {
  const { tk, text, lang } = useRaceI18n();
  const unitText = useUnitText();
  const { message } = App.useApp();
  const query = useQuery(targetsQuery(year));
  const data: Targets | null = query.data ?? null;
  // A failed background reload (after a save) keeps the grid; a failed first load shows why.
  const loadError = query.error && !data ? errorMessage(query.error) : null;
  // What the user typed, by cell; a cell absent here shows the saved target.
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  // Published bulletins the last save does not reach (their numbers are frozen).
  const [unchanged, setUnchanged] = useState<BulletinsUnchangedWarning[]>([]);
  const box = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [importing, setImporting] = useState(false);
  // The last import's refusal: every bad cell, one per line, as the server listed them.
  const [importError, setImportError] = useState<string | null>(null);
  // On a phone the unit column gives up width so more than one indicator shows beside it.
  const unitWidth = Grid.useBreakpoint().md === false ? 100 : 132;

  const saved = useMemo(() => {
    const map = new Map<string, number>();
    for (const item of data?.items ?? []) map.set(cellKey(item.unitId, item.indicator), item.value);
    return map;
  }, [data]);

  const unitOf = useMemo(() => new Map(indicators.map((i) => [i.key, i.unit])), [indicators]);

  /** The cells whose typed value differs from the saved one (parse failures included, to be reported). */
  const changes = useMemo(() => {
    const list: { key: string; unitId: number; indicator: IndicatorKey; text: string }[] = [];
    for (const [key, typed] of Object.entries(drafts)) {
      const [unitPart, indicator] = key.split(':') as [string, IndicatorKey];
      const unit = unitOf.get(indicator);
      if (!unit) continue;
      const parsed = parseTargetText(typed, unit);
      const before = saved.get(key) ?? null;
      if (parsed.ok && parsed.value === before) continue;
      list.push({ key, unitId: Number(unitPart), indicator, text: typed });
    }
    return list;
  }, [drafts, saved, unitOf]);

  const edit = (key: string, value: string) => {
    setDrafts((d) => ({ ...d, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _gone, ...rest }) => rest);
  };

  const focusCell = (key: string) => {
    const input = box.current?.querySelector<HTMLInputElement>(`[data-cell="${key}"]`);
    input?.scrollIntoView({ block: 'center', inline: 'center' });
    input?.focus();
  };

  const save = async () => {
    const found: Record<string, string> = {};
    const items: (TargetInput & { key: string })[] = [];
    for (const change of changes) {
      const parsed = parseTargetText(change.text, unitOf.get(change.indicator)!);
      if (!parsed.ok) found[change.key] = tk(parsed.problem as RaceMessageKey);
      else items.push({ key: change.key, unitId: change.unitId, indicator: change.indicator, value: parsed.value });
    }
    if (Object.keys(found).length) {
      setErrors(found);
      message.warning(tk('targets.fixErrors'));
      focusCell(Object.keys(found)[0]!);
      return;
    }
    if (!items.length) return;
    setSaving(true);
    try {
      const result = await raceApi.saveTargets({ year, items: items.map(({ key: _key, ...item }) => item) });
      queryClient.setQueryData(targetsQuery(year).queryKey, result);
      void invalidateRaceFigures();
      setUnchanged(result.warnings ?? []);
      setDrafts({});
      setErrors({});
      message.success(tk('targets.saved', { n: items.length }));
    } catch (e) {
      // 'items.3.value' names the fourth cell sent: put the message there.
      const [list, index] = fieldParts(e instanceof ApiError ? e.field : undefined);
      const cell = list === 'items' && typeof index === 'number' ? items[index] : undefined;
      if (cell) {
        setErrors({ [cell.key]: errorMessage(e) });
        focusCell(cell.key);
      }
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  /** Imports a file in the export's layout: all of it or nothing; the refusal lists every bad cell. */
  const importFile = async (file: File) => {
    setImporting(true);
    setImportError(null);
    try {
      const result = await raceApi.importTargets(year, file, file.name);
      queryClient.setQueryData(targetsQuery(year).queryKey, result);
      void invalidateRaceFigures();
      setUnchanged(result.warnings ?? []);
      setDrafts({});
      setErrors({});
      message.success(result.changed ? tk('targets.imported', { n: result.changed }) : tk('targets.importedNone'));
    } catch (e) {
      setImportError(errorMessage(e));
    } finally {
      setImporting(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  // 合计: the domain's totals over the units shown (the Excel file's 合计 row is the same).
  const totals = useMemo(
    () =>
      new Map(
        targetTotals(
          indicators,
          (data?.units ?? []).map((u) => u.unitId),
          data?.items ?? [],
        ).map((t) => [t.indicator, t.total]),
      ),
    [indicators, data],
  );

  const canEdit = Boolean(data?.canEdit);
  const changedKeys = useMemo(() => new Set(changes.map((c) => c.key)), [changes]);

  const columns: TableColumnsType<RankableUnit> = [
    {
      title: tk('targets.unit'),
      key: 'unit',
      fixed: 'left',
      width: unitWidth,
      render: (_, unit) => (
        <div style={{ minWidth: 0 }}>
          <div style={{ fontWeight: 500, wordBreak: 'break-all' }}>{unit.unitName}</div>
          <KindTag kind={unit.kind} />
        </div>
      ),
    },
    ...indicators.map((indicator): TableColumnsType<RankableUnit>[number] => ({
      key: indicator.key,
      width: 128,
      title: (
        <div style={{ lineHeight: 1.35 }}>
          <div>{text(indicator.label)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
            {unitText(indicator.unit)}
            {indicator.source === 'manual' ? ` · ${tk('targets.manual')}` : ''}
          </Typography.Text>
        </div>
      ),
      render: (_, unit) => {
        const key = cellKey(unit.unitId, indicator.key);
        const value = drafts[key] ?? targetToText(saved.get(key), indicator.unit);
        if (!canEdit) return <span data-testid={`target-${unit.unitId}-${indicator.key}`}>{value || '—'}</span>;
        const error = errors[key];
        return (
          <div>
            <Input
              size="small"
              inputMode="decimal"
              value={value}
              status={error ? 'error' : undefined}
              onChange={(e) => edit(key, e.target.value)}
              onPressEnter={() => void save()}
              style={changedKeys.has(key) && !error ? { background: '#fffbe6', borderColor: '#faad14' } : undefined}
              aria-label={`${unit.unitName} ${text(indicator.label)}`}
              data-cell={key}
              data-testid={`target-${unit.unitId}-${indicator.key}`}
            />
            {error && (
              <div
                style={{ color: '#cf1322', fontSize: 12, lineHeight: 1.4, marginTop: 2, whiteSpace: 'normal' }}
                data-testid="target-cell-error"
              >
                {error}
              </div>
            )}
          </div>
        );
      },
    })),
  ];

  if (loadError) return <Alert type="error" showIcon title={loadError} />;

  return (
    <div ref={box} data-testid="targets-grid">
      <UnchangedBulletinsAlert warnings={unchanged} onClose={() => setUnchanged([])} />
      <div
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 8,
          marginBottom: 12,
        }}
      >
        <Typography.Text type="secondary" style={{ flex: '1 1 320px', fontSize: 13 }}>
          {data && !canEdit ? tk('targets.readOnly') : tk('targets.hint')}
        </Typography.Text>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          <Button
            icon={<FileExcelOutlined />}
            href={targetsExportUrl(year, lang)}
            download
            data-testid="targets-export"
          >
            {tk('targets.exportExcel')}
          </Button>
          {canEdit && (
            <>
              <input
                ref={fileInput}
                type="file"
                accept=".xlsx,.csv"
                hidden
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void importFile(file);
                }}
                data-testid="targets-import-file"
              />
              <Button
                icon={<UploadOutlined />}
                loading={importing}
                title={tk('targets.importHint')}
                onClick={() => fileInput.current?.click()}
                data-testid="targets-import"
              >
                {tk('targets.importExcel')}
              </Button>
            </>
          )}
        </div>
        {canEdit && (
          <div style={{ display: 'flex', gap: 8 }}>
            <Button
              icon={<UndoOutlined />}
              disabled={!Object.keys(drafts).length || saving}
              onClick={() => (setDrafts({}), setErrors({}))}
              data-testid="targets-discard"
            >
              {tk('targets.discard')}
            </Button>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={saving}
              disabled={!changes.length}
              onClick={() => void save()}
              data-testid="targets-save"
            >
              {changes.length ? tk('targets.saveCount', { n: changes.length }) : tk('targets.save')}
            </Button>
          </div>
        )}
      </div>
      {importError && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setImportError(null)}
          title={tk('targets.importFailed')}
          description={<div style={{ whiteSpace: 'pre-line' }}>{importError}</div>}
          style={{ marginBottom: 12 }}
          data-testid="targets-import-error"
        />
      )}
      <Table<RankableUnit>
        rowKey="unitId"
        size="small"
        bordered
        loading={!data}
        columns={columns}
        dataSource={data?.units ?? []}
        pagination={false}
        scroll={{ x: unitWidth + indicators.length * 128 }}
        locale={{ emptyText: tk('targets.empty') }}
        summary={() =>
          data?.units.length ? (
            <Table.Summary fixed="bottom">
              <Table.Summary.Row style={{ background: '#fafafa' }} data-testid="targets-totals">
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{tk('targets.total')}</Typography.Text>
                </Table.Summary.Cell>
                {indicators.map((indicator, i) => {
                  const total = totals.get(indicator.key) ?? null;
                  return (
                    <Table.Summary.Cell key={indicator.key} index={i + 1}>
                      <Typography.Text
                        strong
                        type={total === null ? 'secondary' : undefined}
                        title={indicator.unit === '%' ? tk('targets.totalNone') : undefined}
                        style={{ fontVariantNumeric: 'tabular-nums', paddingInline: 7 }}
                        data-testid={`target-total-${indicator.key}`}
                      >
                        {total === null ? '—' : targetToText(total, indicator.unit)}
                      </Typography.Text>
                    </Table.Summary.Cell>
                  );
                })}
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />
    </div>
  );
}
