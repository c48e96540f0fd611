/**
 * The demo county's organisation and geography: the departments and platforms the demo loader
 * creates as units, rough centres of 兰溪's streets and townships, and how a template's lead rule
 * finds a unit among those passed in.
 */
import type { DemoUnitRef } from './demo-county.ts';
import type { Rng } from './random.ts';
import type { LeadRule } from './templates.ts';

/** 兰溪市 departments as a county's project ledgers name them. */
export const DEMO_DEPARTMENTS: readonly string[] = [
  '市发改局',
  '市经信局',
  '市财政局',
  '市自然资源和规划局',
  '市住建局',
  '市交通运输局',
  '市水务局',
  '市教育局',
  '市卫健局',
  '市民政局',
  '市商务局',
  '市农业农村局',
  '市文广旅体局',
  '市综合行政执法局',
  '市投资促进中心',
  '金华市生态环境局兰溪分局',
];

/** Industrial platforms: they lead most factory projects and are ranked as their own peer group. */
export const DEMO_PLATFORMS: readonly string[] = ['兰溪经济开发区', '兰溪光膜小镇', '兰溪高新技术产业园区'];

/** The county centre (兰江街道) and the box the demo keeps coordinates in. */
export const LANXI_CENTRE = { lng: 119.46, lat: 29.21 } as const;
export const LANXI_BOX = { minLng: 119.4, maxLng: 119.65, minLat: 29.1, maxLat: 29.35 } as const;

/** Approximate centres of 兰溪's streets and townships, pulled into the demo box. */
const PLACE_CENTRES: Record<string, readonly [lng: number, lat: number]> = {
  兰江街道: [119.46, 29.21],
  云山街道: [119.47, 29.225],
  上华街道: [119.51, 29.19],
  永昌街道: [119.54, 29.24],
  赤溪街道: [119.45, 29.19],
  女埠街道: [119.42, 29.25],
  游埠镇: [119.41, 29.13],
  诸葛镇: [119.42, 29.12],
  黄店镇: [119.5, 29.12],
  香溪镇: [119.55, 29.31],
  马涧镇: [119.6, 29.33],
  梅江镇: [119.63, 29.3],
  横溪镇: [119.6, 29.24],
  灵洞乡: [119.52, 29.27],
  水亭畲族乡: [119.45, 29.16],
  柏社乡: [119.48, 29.33],
};

/** Platforms lie in these streets when the township list has them. */
const PLATFORM_PLACES: Record<string, readonly string[]> = {
  兰溪经济开发区: ['上华街道', '永昌街道'],
  兰溪光膜小镇: ['上华街道'],
  兰溪高新技术产业园区: ['女埠街道', '赤溪街道'],
};

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** A point near the place's centre (or near the county centre for an unknown place), inside the box. */
export function pointNear(rng: Rng, place: string | null): { longitude: number; latitude: number } {
  const [lng, lat] = (place && PLACE_CENTRES[place]) || [
    LANXI_CENTRE.lng + rng.between(-0.08, 0.08),
    LANXI_CENTRE.lat + rng.between(-0.06, 0.06),
  ];
  return {
    longitude: round6(clamp(lng + rng.between(-0.015, 0.015), LANXI_BOX.minLng + 0.001, LANXI_BOX.maxLng - 0.001)),
    latitude: round6(clamp(lat + rng.between(-0.015, 0.015), LANXI_BOX.minLat + 0.001, LANXI_BOX.maxLat - 0.001)),
  };
}

/** The units passed in, sorted by role. */
export interface UnitPools {
  departments: string[];
  platforms: string[];
  townships: string[];
  /** Anything that may lead when the preferred kind is missing. */
  all: string[];
}

export function poolUnits(units: readonly DemoUnitRef[]): UnitPools {
  const names = (kinds: DemoUnitRef['kind'][]) => units.filter((u) => kinds.includes(u.kind)).map((u) => u.name);
  const departments = names(['department']);
  const platforms = names(['platform']);
  const townships = names(['street', 'township']);
  const all = [...departments, ...platforms, ...townships];
  return { departments, platforms, townships, all: all.length ? all : units.map((u) => u.name) };
}

export interface Placement {
  leadUnitName: string;
  townshipName: string | null;
  /** The platform the project sits on, if led by one. */
  platformName: string | null;
}

/** A themed platform (光膜小镇) hosts its own chain and its neighbours; general platforms host anything. */
function hostsChain(platform: string, chain: string | null): boolean {
  return !platform.includes('光膜') || ['光膜', '新材料', '数字经济'].includes(chain ?? '');
}

/** Chooses who leads a project and where it lies, following the template's lead rule and the units at hand. */
export function placeProject(rng: Rng, rule: LeadRule, pools: UnitPools, chain: string | null = null): Placement {
  const township = pools.townships.length ? rng.pick(pools.townships) : null;
  const byTownship = (): Placement | null =>
    township ? { leadUnitName: township, townshipName: township, platformName: null } : null;
  const byPlatform = (): Placement | null => {
    const hosts = pools.platforms.filter((p) => hostsChain(p, chain));
    const themed = hosts.filter((p) => chain && p.includes(chain));
    const list = themed.length && rng.chance(0.6) ? themed : hosts.length ? hosts : pools.platforms;
    if (!list.length) return null;
    const platform = rng.pick(list);
    const near = (PLATFORM_PLACES[platform] ?? []).filter((p) => pools.townships.includes(p));
    return { leadUnitName: platform, townshipName: near.length ? rng.pick(near) : township, platformName: platform };
  };
  const byDepartment = (keyword: string): Placement | null => {
    const matching = pools.departments.filter((d) => d.includes(keyword));
    const list = matching.length ? matching : pools.departments;
    return list.length ? { leadUnitName: rng.pick(list), townshipName: township, platformName: null } : null;
  };
  const fallback = (): Placement => ({ leadUnitName: rng.pick(pools.all), townshipName: township, platformName: null });

  switch (rule.by) {
    case 'platformOrTownship':
      return (rng.chance(0.65) ? byPlatform() : byTownship()) ?? byPlatform() ?? byTownship() ?? fallback();
    case 'platform':
      return byPlatform() ?? byTownship() ?? fallback();
    case 'township':
      return byTownship() ?? fallback();
    case 'department':
      return (
        (rule.orTownship && rng.chance(0.4) ? byTownship() : null) ??
        byDepartment(rule.keyword) ??
        byTownship() ??
        fallback()
      );
  }
}
