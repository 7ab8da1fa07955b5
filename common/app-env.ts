/**
 * The limits of the app's settings (environment variables): the names the
 * App step's page offers, the vault's `app-settings` item and the unit's
 * EnvironmentFile (main/app/env-file.ts) all follow these.
 */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
export const MAX_ENV_VALUE = 32 * 1024;
export const MAX_ENV_VARS = 200;
