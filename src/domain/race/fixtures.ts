/** Helpers for the race's tests: method inputs from plain lists, and the code and field of a config error. */
import { expect } from 'vitest';
import { RaceConfigError } from './config-error.ts';
import type { MethodInput } from './types.ts';

/** Units 1, 2, 3, … with the given values and one shared target. */
export function unitsWith(values: readonly (number | null)[], target: number | null = null): MethodInput[] {
  return values.map((value, i) => ({ unitId: i + 1, value, target }));
}

/** The code and field of the RaceConfigError `fn` throws, or null when it throws nothing. */
export function configErrorOf(fn: () => unknown): { code: string; field: string | null } | null {
  try {
    fn();
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(RaceConfigError);
    const { code, field } = e as RaceConfigError;
    return { code, field };
  }
}
