import { INDICATORS } from '../../../domain/race/indicators.ts';
import { hasIndicatorData } from '../../../domain/race/metrics.ts';
import type { Clock } from '../../clock.ts';
import type { Locale } from '../../http/i18n.ts';
import type { ActorContext } from '../session/actor.ts';
import type { RaceService } from './races.service.ts';
import { rankingFileNames, renderRankingXlsx } from './ranking-xlsx.ts';
import type { TargetService } from './targets.service.ts';
import { readTargetsFile } from './targets-import.ts';
import { renderTargetsXlsx, targetsFileNames } from './targets-xlsx.ts';

/** The indicators the targets grid shows (those with data), in the library's order. */
const GRID_INDICATORS = INDICATORS.filter(hasIndicatorData);

/**
 * The tables people take away and bring back: the ranking and the targets grid as .xlsx (read through
 * the same services as the page, so scoped and rounded alike), and a targets file imported through
 * the grid's own save.
 */
export function createRaceFiles({
  races,
  targets,
  clock,
  timeZone,
}: {
  races: Pick<RaceService, 'ranking'>;
  targets: TargetService;
  clock: Clock;
  timeZone: string;
}) {
  return {
    async rankingXlsx(
      actor: ActorContext,
      id: number,
      query: { year?: number; period?: number; asOf?: string },
      locale: Locale,
    ) {
      const ranking = await races.ranking(actor, id, query.year, query.period, query.asOf);
      const body = await renderRankingXlsx(ranking, { locale, now: clock(), timeZone });
      return { ...rankingFileNames(ranking, locale), body };
    },

    async targetsXlsx(actor: ActorContext, year: number, locale: Locale) {
      const grid = await targets.targets(actor, year);
      const body = await renderTargetsXlsx(grid, GRID_INDICATORS, { locale, now: clock() });
      return { ...targetsFileNames(year, locale), body };
    },

    /** Imports an uploaded targets file (at `file.path`) into a year: all of it, or nothing. */
    async importTargets(
      actor: ActorContext,
      year: number,
      file: { path: string; fileName: string },
      ip: string | null,
      locale: Locale,
    ) {
      // Who may set targets is asked before the file is read.
      const units = await targets.settableByName(actor);
      const read = await readTargetsFile(file, GRID_INDICATORS, units, locale);
      return targets.importTargets(actor, year, read, ip, locale);
    },
  };
}

export type RaceFiles = ReturnType<typeof createRaceFiles>;
