/** The services of every feature, wired by the feature index (features/index.ts). */
export { createServices, type Services } from './features/index.ts';
