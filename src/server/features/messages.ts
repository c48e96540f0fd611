/**
 * The features' messages, merged into the one message table of http/i18n.ts.
 *
 * Why this list and not features/index.ts: i18n.ts is imported by nearly every route and service, and
 * features/index.ts imports every feature's routes. If i18n.ts read the feature index, the two would
 * import each other, and whichever loaded first would see the other half-initialised. The
 * *.messages.ts files import nothing, so this module closes no cycle. Each feature's index.ts also
 * names its messages (Feature.messages); test/feature-index.test.ts checks that both agree and that
 * no key is defined twice.
 */
import { BULLETIN_MESSAGES } from './bulletins/bulletins.messages.ts';
import { NUMBER_MESSAGES } from './history/numbers.messages.ts';
import { IMPORT_MESSAGES } from './imports/imports.messages.ts';
import { LIGHT_MESSAGES } from './lights/lights.messages.ts';
import { PROJECT_MESSAGES } from './projects/projects.messages.ts';
import { RACE_MESSAGES } from './race/race.messages.ts';
import { PHOTO_MESSAGES } from './report-photos/report-photos.messages.ts';
import { REPORT_SETTINGS_MESSAGES } from './reports/report-settings.messages.ts';
import { REPORT_MESSAGES } from './reports/reports.messages.ts';
import { SETUP_MESSAGES } from './setup/setup.messages.ts';
import { UNIT_MESSAGES } from './units/units.messages.ts';
import { USER_MESSAGES } from './users/users.messages.ts';

export const FEATURE_MESSAGES = {
  ...SETUP_MESSAGES,
  ...UNIT_MESSAGES,
  ...USER_MESSAGES,
  ...PROJECT_MESSAGES,
  ...REPORT_MESSAGES,
  ...LIGHT_MESSAGES,
  ...REPORT_SETTINGS_MESSAGES,
  ...PHOTO_MESSAGES,
  ...RACE_MESSAGES,
  ...IMPORT_MESSAGES,
  ...NUMBER_MESSAGES,
  ...BULLETIN_MESSAGES,
};
