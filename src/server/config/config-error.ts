/** A configuration value that stops Lantern from starting: the message names the variable and says why. */
export class ConfigError extends Error {}
