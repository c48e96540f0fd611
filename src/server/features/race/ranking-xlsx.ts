/**
 * The ranking as the page shows it, in Excel: a title row (the race, the period, and the moment the
 * figures are of), then each group (分组) as its own table under a caption — 名次, 名次变化, 单位, 总分
 * and per indicator 完成 (目标 where the page shows it) and 得分 — in the reader's language. The
 * tables are written by the bulletin's own table writer (render-xlsx.ts) from the same layout
 * (rankingTable); every figure is the page's text, rounded once by src/domain (ranking-figures.ts),
 * and written as a number whose format shows exactly that text. A rank change is a number too,
 * shown ↑2 / ↓1.
 */
import ExcelJS from 'exceljs';
import { localDateTime } from '../../../domain/calendar/local-date.ts';
import { rankingScoreText, rankingValueText, showsTarget } from '../../../domain/race/ranking-figures.ts';
import type { Ranking as RankingResponse, RankingGroup } from '../../../contract/race.ts';
import { translate, type Locale } from '../../http/i18n.ts';
import { rankingTable, type BulletinGroup, type RankingWords } from '../bulletins/bulletin-document.ts';
import { figureCell, widenFor, wideRow, writeTable, type CellOf } from '../bulletins/render-xlsx.ts';

/** What the file shows of the ranking the API returns. */
export type Ranking = Pick<
  RankingResponse,
  'raceId' | 'name' | 'period' | 'indicators' | 'groups' | 'asOf' | 'visibility'
>;

/** A rank change as a number: 2 shows ↑2, −1 shows ↓1. */
export const RANK_CHANGE_FORMAT = '"↑"0;"↓"0;"—"';

function words(locale: Locale): RankingWords {
  const t = (key: Parameters<typeof translate>[0], params = {}) => translate(key, locale, params);
  const inUnit = (word: string, unit: string) => (unit ? t('XLSX_IN_UNIT', { word, unit }) : word);
  return {
    caption: (group, number, period) => t('XLSX_CAPTION', { number, group: group.label, period }),
    rank: t('XLSX_RANK'),
    change: t('XLSX_CHANGE'),
    unit: t('XLSX_UNIT'),
    total: t('XLSX_TOTAL'),
    indicator: (indicator, weight) =>
      weight > 0 ? t('XLSX_WEIGHT', { indicator, weight }) : t('XLSX_DEDUCTION', { indicator }),
    value: (unit) => inUnit(t('XLSX_VALUE'), unit),
    target: (unit) => inUnit(t('XLSX_TARGET'), unit),
    score: t('XLSX_SCORE'),
  };
}

/** One group of the ranking as the table layout reads it, its figures as the page writes them. */
function tableGroup(ranking: Ranking, group: RankingGroup, locale: Locale): BulletinGroup {
  const unitWord = (unit: string) =>
    unit === '元' ? translate('XLSX_YI', locale) : unit === '%' ? '%' : locale === 'en' ? '' : '个';
  return {
    label: group.label[locale],
    indicators: ranking.indicators.map((ind, index) => ({
      label: ind.label[locale],
      unit: unitWord(ind.unit),
      weight: ind.weight,
      showTarget: showsTarget(ind, group.rows, index),
    })),
    rows: group.rows.map((r) => ({
      rank: r.rank,
      rankChange: r.rankChange,
      unitName: r.name,
      total: r.total,
      cells: ranking.indicators.map((ind, index) => {
        const c = r.breakdown[index];
        return {
          value: rankingValueText(c?.value, ind.unit),
          target: rankingValueText(c?.target, ind.unit),
          score:
            c && c.score === null && c.note ? translate(`XLSX_NOTE_${c.note}`, locale) : rankingScoreText(c?.score),
        };
      }),
    })),
    top: group.top.map((r) => r.name),
    bottom: group.bottom.map((r) => r.name),
  };
}

/** The change column holds ↑2 / ↓1 as numbers; everything else as figureCell reads it. */
const cellOf: CellOf = (text, col) => {
  const m = col === 1 ? /^([↑↓])(\d+)$/.exec(text) : null;
  if (m) return { value: (m[1] === '↑' ? 1 : -1) * Number(m[2]), numFmt: RANK_CHANGE_FORMAT };
  return figureCell(text);
};

/** The file's name: '2026年项目建设月度赛马-2026年10月排名.xlsx', and an ASCII one for old clients. */
export function rankingFileNames(ranking: Ranking, locale: Locale) {
  const name = translate('XLSX_RANKING_FILE', locale, { race: ranking.name, period: ranking.period.labels[locale] });
  return {
    fileName: `${name.replace(/[\\/:*?"<>|]/g, '_')}.xlsx`,
    fallbackName: `ranking-${ranking.raceId}-${ranking.period.year}-${ranking.period.index}.xlsx`,
  };
}

/** Renders the ranking (as the API returns it) as .xlsx; `now` and `timeZone` state when live figures were taken. */
export async function renderRankingXlsx(
  ranking: Ranking,
  { locale, now, timeZone }: { locale: Locale; now: Date; timeZone: string },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lantern';
  workbook.created = now;
  workbook.modified = now;
  const sheet = workbook.addWorksheet(translate('XLSX_RANKING_SHEET', locale));
  sheet.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const period = ranking.period.labels[locale];
  const w = words(locale);
  const tables = ranking.groups.map((g, i) => rankingTable(tableGroup(ranking, g, locale), i + 1, period, w));
  const width = Math.max(4, ...tables.map((t) => t.columns.length));

  wideRow(sheet, width, translate('XLSX_RANKING_TITLE', locale, { race: ranking.name, period }), {
    font: { bold: true, size: 14 },
    height: 26,
  });
  const moment = ranking.asOf
    ? translate('XLSX_RANKING_AS_OF', locale, { asOf: localDateTime(new Date(ranking.asOf), timeZone) })
    : translate('XLSX_RANKING_LIVE', locale, { at: localDateTime(now, timeZone) });
  wideRow(sheet, width, moment);
  if (ranking.visibility === 'own') wideRow(sheet, width, translate('XLSX_RANKING_OWN', locale));

  const widths: number[] = Array.from({ length: width }, () => 6);
  for (const table of tables) {
    sheet.addRow([]);
    writeTable(sheet, table, width, cellOf);
    widenFor(widths, table);
  }
  widths.forEach((wd, c) => (sheet.getColumn(c + 1).width = wd));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
