import { weightWarnings, type RaceDefinition } from '../../../domain/race/race-definition.ts';

/** The weights that do not add up to 100, with the message that says so. */
export const presentWarnings = (d: RaceDefinition) =>
  weightWarnings(d).map((w) => ({ ...w, messageKey: 'RACE_WEIGHTS_NOT_100' as const }));

/** A race definition as the API returns it. */
export const presentRace = (
  row: { id: number; created_by: string; updated_at: string },
  definition: RaceDefinition,
) => ({
  id: row.id,
  definition,
  warnings: presentWarnings(definition),
  createdBy: row.created_by,
  updatedAt: row.updated_at,
});

/** A race in the list. */
export const presentRaceItem = (row: { id: number; updated_at: string }, d: RaceDefinition) => ({
  id: row.id,
  name: d.name,
  periodKind: d.periodKind,
  indicatorCount: d.indicators.length,
  warnings: presentWarnings(d),
  updatedAt: row.updated_at,
});
