// The SQLite driver the tests run on: SQLITE_DRIVER from the environment, validated as the server validates it
// (a bad value fails the run at once), the Clubroll driver when unset. CI runs the suite once more with `stock`.
import { loadConfig } from '../../src/config.ts';

export const SQLITE_DRIVER = loadConfig({ SQLITE_DRIVER: process.env.SQLITE_DRIVER }).sqliteDriver;
