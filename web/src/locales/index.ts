// Every UI message, one JSON file per language and feature (namespace), bundled with the app.
// Chinese is the reference: the message keys of each namespace are the keys of its zh-CN file.
import zhCommon from './zh-CN/common.json';
import zhProjects from './zh-CN/projects.json';
import zhReports from './zh-CN/reports.json';
import zhLights from './zh-CN/lights.json';
import zhImports from './zh-CN/imports.json';
import zhRace from './zh-CN/race.json';
import zhNumbers from './zh-CN/numbers.json';
import zhReportPhotos from './zh-CN/reportPhotos.json';
import enCommon from './en/common.json';
import enProjects from './en/projects.json';
import enReports from './en/reports.json';
import enLights from './en/lights.json';
import enImports from './en/imports.json';
import enRace from './en/race.json';
import enNumbers from './en/numbers.json';
import enReportPhotos from './en/reportPhotos.json';

/** The messages of one language, by namespace. */
export type Messages = Record<Namespace, Record<string, string>>;

const zh = {
  common: zhCommon,
  projects: zhProjects,
  reports: zhReports,
  lights: zhLights,
  imports: zhImports,
  race: zhRace,
  numbers: zhNumbers,
  reportPhotos: zhReportPhotos,
};

/** The feature namespaces; `common` holds the shell (navigation, units, users, audit, tokens). */
export type Namespace = keyof typeof zh;

/** The message keys of a namespace, taken from its Chinese file. */
export type KeyOf<N extends Namespace> = keyof (typeof zh)[N] & string;

export const NAMESPACES = Object.keys(zh) as Namespace[];

/** The bundled messages as i18next takes them: language → namespace → key → text. */
/** English has every Chinese key (checked here by the compiler, and by test/web-i18n.test.ts). */
const en: { [N in Namespace]: Record<KeyOf<N>, string> } = {
  common: enCommon,
  projects: enProjects,
  reports: enReports,
  lights: enLights,
  imports: enImports,
  race: enRace,
  numbers: enNumbers,
  reportPhotos: enReportPhotos,
};

/** The bundled messages as i18next takes them: language → namespace → key → text. */
export const resources: Record<'zh-CN' | 'en', Messages> = { 'zh-CN': zh, en };
