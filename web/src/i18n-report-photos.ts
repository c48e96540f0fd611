// Strings of the site photos of monthly reports (现场照片), kept apart like the other areas' dictionaries.
import { useNamespace } from './i18n-setup';
import type { KeyOf } from './locales';

/** The keys of web/src/locales/<lang>/reportPhotos.json. */
export type PhotoMessageKey = KeyOf<'reportPhotos'>;

/** The photo strings in the current language. */
export function usePhotosI18n() {
  return useNamespace('reportPhotos').t;
}
