/** The builder the industrial templates share: an enterprise factory project, and the natures it may take. */
import type { Nature } from '../projects/project-fields.ts';
import type { LeadRule, ProjectTemplate } from './templates.ts';

const PT: LeadRule = { by: 'platformOrTownship' };
const FACTORY: readonly Nature[] = ['new', 'new', 'new', 'expansion', 'techUpgrade', 'relocation'];
export const UPGRADE: readonly Nature[] = ['techUpgrade'];
export const FARM: readonly Nature[] = ['new', 'new', 'expansion'];

type Spec = Omit<ProjectTemplate, 'kind' | 'investmentType' | 'lead' | 'isProducing' | 'natures' | 'landMu'> &
  Partial<Pick<ProjectTemplate, 'lead' | 'natures' | 'landMu' | 'isProducing' | 'kind'>>;

/** An enterprise factory project, led by a platform or township unless told otherwise. */
export const factory = (s: Spec): ProjectTemplate => ({
  kind: 'industry',
  investmentType: 'enterprise',
  lead: PT,
  natures: FACTORY,
  landMu: [10, 300],
  isProducing: true,
  ...s,
});
