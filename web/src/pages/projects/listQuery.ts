// The project list's filters, sort and columns live in the URL query string, so a reload keeps them
// and other pages can link to a filtered list (/projects?list=start&year=2026&listStatus=pending&unitId=5).
import type { ProjectListParams } from '../../api-projects';

/** Filter parameters, named as GET /projects names them. */
export const FILTER_KEYS = [
  'q',
  'unitId',
  'stage',
  'level',
  'aboveYi',
  'industry',
  'tag',
  'light',
  'minInvestmentWan',
  'maxInvestmentWan',
  'list',
  'year',
  'listStatus',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The pager's place: the page number and the page size (absent: page 1 of the default size). */
export const PAGE_KEYS = ['page', 'size'] as const;

export type ListState = Partial<Record<FilterKey | 'sort' | 'order' | 'cols' | (typeof PAGE_KEYS)[number], string>>;

/** The lights the 亮灯 filter offers; a red or yellow list shows each project's reasons. */
export const LIGHT_FILTERS = ['red', 'yellow', 'green', 'grey'] as const;
export const showsLightReasons = (state: ListState) => state.light === 'red' || state.light === 'yellow';

export const COLUMN_KEYS = [
  'name',
  'code',
  'stage',
  'leadUnit',
  'township',
  'industry',
  'level',
  'totalInvestment',
  'plannedStartDate',
  'actualStartDate',
  'plannedProductionDate',
  'updatedAt',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** Shown unless the URL chooses otherwise; the code and the industry are one click away. */
export const DEFAULT_COLUMNS: ColumnKey[] = COLUMN_KEYS.filter((key) => key !== 'code' && key !== 'industry');

/** Columns the server can sort by (their key is the API's sort name). */
export const SORTABLE = new Set<string>([
  'name',
  'totalInvestment',
  'plannedStartDate',
  'plannedProductionDate',
  'updatedAt',
]);

/** The list's state from the route's raw search values (strings); unknown keys and empty values dropped. */
export function normaliseListState(raw: Record<string, unknown>): ListState {
  const state: ListState = {};
  for (const key of [...FILTER_KEYS, 'sort', 'order', 'cols', ...PAGE_KEYS] as const) {
    const found = raw[key];
    const value = typeof found === 'string' || typeof found === 'number' ? String(found).trim() : '';
    if (value) state[key] = value;
  }
  // 'done' and 'started' mean the same on the start list; the filter shows 'started'.
  if (state.list === 'start' && state.listStatus === 'done') state.listStatus = 'started';
  if (state.list === 'production' && state.listStatus === 'started') state.listStatus = 'done';
  if (state.list !== 'start' && state.list !== 'production') delete state.listStatus;
  if (!state.list) delete state.year;
  if (state.light && !(LIGHT_FILTERS as readonly string[]).includes(state.light)) delete state.light;
  if (state.page && !(/^\d+$/.test(state.page) && Number(state.page) > 1)) delete state.page;
  if (state.size && !/^\d+$/.test(state.size)) delete state.size;
  return state;
}

/** The URL of the list in this state, parameters in a stable order. */
export function listUrl(state: ListState): string {
  const params = new URLSearchParams();
  for (const key of [...FILTER_KEYS, 'sort', 'order', 'cols', ...PAGE_KEYS] as const) {
    const value = state[key];
    if (value !== undefined && value !== '') params.set(key, value);
  }
  // Commas separate the values of stage and cols; left readable in the address bar.
  const text = params.toString().replace(/%2C/gi, ',');
  return text ? `/projects?${text}` : '/projects';
}

/** The query for GET /projects: the filters and sort, without the column choice. */
export function apiParams(state: ListState): ProjectListParams {
  const params: ProjectListParams = {};
  for (const key of FILTER_KEYS) if (state[key]) params[key] = state[key];
  if (state.sort && SORTABLE.has(state.sort)) {
    params.sort = state.sort;
    params.order = state.order === 'asc' ? 'asc' : 'desc';
  }
  return params;
}

export function chosenColumns(state: ListState): ColumnKey[] {
  if (!state.cols) return DEFAULT_COLUMNS;
  const wanted = new Set(state.cols.split(','));
  const chosen = COLUMN_KEYS.filter((key) => wanted.has(key));
  return chosen.includes('name') ? chosen : ['name', ...chosen];
}

/** How many filters are set (for the phone's 筛选 button). */
export function activeFilterCount(state: ListState): number {
  return FILTER_KEYS.filter((key) => key !== 'q' && key !== 'year' && key !== 'listStatus' && state[key]).length;
}

let lastList = '/projects';

/** Remembers the list as last shown, so that 返回项目库 brings its filters back. */
export function rememberListUrl(url: string): void {
  lastList = url;
}

export function lastListUrl(): string {
  return lastList;
}
