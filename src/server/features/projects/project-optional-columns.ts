// The columns a project may leave empty, as a new project starts them: the form and the ledger import both
// spread this under what they were given, so a column added to projects is started in one place.
import type { ProjectRow } from './projects.repository.ts';

type OptionalColumn =
  | 'code'
  | 'internal_no'
  | 'level'
  | 'township_unit_id'
  | 'owner_name'
  | 'owner_credit_code'
  | 'patron_leader'
  | 'contact'
  | 'address'
  | 'longitude'
  | 'latitude'
  | 'land_area_centimu'
  | 'fixed_asset_investment'
  | 'tags'
  | 'planned_sign_date'
  | 'actual_sign_date'
  | 'planned_start_date'
  | 'actual_start_date'
  | 'planned_completion_date'
  | 'actual_completion_date'
  | 'planned_production_date'
  | 'actual_production_date'
  | 'planned_capacity_date'
  | 'actual_capacity_date'
  | 'planned_start_year'
  | 'planned_production_year';

export const OPTIONAL_PROJECT_COLUMNS: Pick<ProjectRow, OptionalColumn> = {
  code: null,
  internal_no: null,
  level: null,
  township_unit_id: null,
  owner_name: null,
  owner_credit_code: null,
  patron_leader: null,
  contact: null,
  address: null,
  longitude: null,
  latitude: null,
  land_area_centimu: null,
  fixed_asset_investment: null,
  tags: '',
  planned_sign_date: null,
  actual_sign_date: null,
  planned_start_date: null,
  actual_start_date: null,
  planned_completion_date: null,
  actual_completion_date: null,
  planned_production_date: null,
  actual_production_date: null,
  planned_capacity_date: null,
  actual_capacity_date: null,
  planned_start_year: null,
  planned_production_year: null,
};
