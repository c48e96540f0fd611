// Every UI message, one JSON file per language and namespace, bundled with the app. The shell's namespaces
// are listed here; each feature declares the ones it owns (features/<name>/index.tsx, `messages`), and the
// web route list (features/index.ts) brings them in. Chinese is the reference: a namespace's message keys are
// the keys of its zh-CN file, and English has every one of them (checked by the compiler in `bilingual`,
// and by test/web-i18n.test.ts).
import { FEATURES } from '../features';
import { bilingual, type Bilingual } from '../features/feature';
import enCommon from './en/common.json';
import enNumbers from './en/numbers.json';
import zhCommon from './zh-CN/common.json';
import zhNumbers from './zh-CN/numbers.json';

/**
 * The shell's namespaces: `common` (navigation, units, users, audit, tokens) and `numbers` (figures as of a
 * moment, a published period beside its live recomputation, the records behind a figure: dashboard and race).
 */
const SHELL = {
  common: bilingual(zhCommon, enCommon),
  numbers: bilingual(zhNumbers, enNumbers),
};

/** The features' `messages`, one intersection over the list. */
type FeatureMessages<F extends readonly unknown[]> = F extends readonly [{ messages: infer M }, ...infer Rest]
  ? M & FeatureMessages<Rest>
  : unknown;

type AllMessages = typeof SHELL & FeatureMessages<typeof FEATURES>;

/** Every namespace, the shell's and the features'; a namespace declared twice is a mistake. */
function collect(): AllMessages {
  const all: Record<string, Bilingual> = { ...SHELL };
  for (const feature of FEATURES) {
    for (const [ns, messages] of Object.entries(feature.messages as Record<string, Bilingual>)) {
      if (ns in all) throw new Error(`web feature ${feature.name}: namespace "${ns}" is declared twice`);
      all[ns] = messages;
    }
  }
  return all as AllMessages;
}

const ALL = collect();

/** The namespaces: the shell's and the features'. */
export type Namespace = keyof AllMessages & string;

/** The message keys of a namespace, taken from its Chinese file. */
export type KeyOf<N extends Namespace> = keyof AllMessages[N]['zh-CN'] & string;

export const NAMESPACES = Object.keys(ALL) as Namespace[];

/** The messages of one language, by namespace. */
export type Messages = Record<Namespace, Record<string, string>>;

const language = (lang: 'zh-CN' | 'en') =>
  Object.fromEntries(NAMESPACES.map((ns) => [ns, ALL[ns][lang] as Record<string, string>])) as Messages;

/** The bundled messages as i18next takes them: language → namespace → key → text. */
export const resources: Record<'zh-CN' | 'en', Messages> = { 'zh-CN': language('zh-CN'), en: language('en') };
