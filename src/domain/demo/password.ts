/** The password of every account of the demo county (seeded by `lantern demo`, never typed into a form). */
export const DEMO_PASSWORD = 'lantern-demo';
