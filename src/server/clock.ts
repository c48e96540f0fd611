/** Time comes from an injected clock so that deadlines, cutoffs and expiries are testable. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
