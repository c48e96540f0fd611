/** 首次设置: whether setup is done, the county divisions to choose from, the first run, the demo county. */
import { z } from 'zod';
import { displayNameSchema, passwordSchema, usernameSchema } from './common.ts';

export const demoAccount = z.object({
  username: z.string(),
  role: z.string(),
  unitName: z.string(),
  displayName: z.string(),
});
export type DemoAccount = z.output<typeof demoAccount>;

/** GET /setup: whether first-run setup is done, and on a demo instance its accounts and password. */
export const setupStatus = z.object({
  done: z.boolean(),
  regionCode: z.string().optional(),
  regionName: z.string().optional(),
  demo: z.object({ password: z.string(), accounts: z.array(demoAccount) }).optional(),
});
export type SetupStatus = z.output<typeof setupStatus>;

export const demoBody = z.strictObject({}).optional();
/** What loading the demo county wrote. */
export const demoLoaded = z.object({
  units: z.number(),
  users: z.number(),
  projects: z.number(),
  reports: z.number(),
  approvals: z.number(),
  bulletins: z.number(),
});
export type DemoLoaded = z.output<typeof demoLoaded>;

export const regionQuery = z.object({ q: z.string().max(40).default('') });
export const region = z.object({ code: z.string(), name: z.string(), city: z.string(), province: z.string() });
export type Region = z.output<typeof region>;
export const regionsResponse = z.object({ items: z.array(region) });
export type RegionsResponse = z.output<typeof regionsResponse>;

export const setupBody = z.strictObject({
  regionCode: z.string().regex(/^\d{6}$/, 'six digits'),
  username: usernameSchema,
  password: passwordSchema,
  displayName: displayNameSchema.optional(),
});
export type SetupBody = z.input<typeof setupBody>;

/** What first-run setup answers: the administrator created (signed in by a cookie) and the units made. */
export const setupDone = z.object({ user: z.object({ id: z.number(), username: z.string() }), unitCount: z.number() });
export type SetupDone = z.output<typeof setupDone>;
