// Run in its own process (the test runner itself turns async hooks on): builds the app, renders a page, then
// prints whether a promise continuation still gets an async id of its own, which it does only while promise
// hooks are on.
import { executionAsyncId } from 'node:async_hooks';
import { openSqlite } from '../../src/db/sqlite/open.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { buildApp } from './app.ts';
import { SQLITE_DRIVER } from './sqlite-driver.ts';

const handle = openSqlite(':memory:', { sqliteDriver: SQLITE_DRIVER });
await migrateToLatest(handle.db);
const { app } = buildApp(handle);
const response = await app.request('/', { headers: { 'accept-language': 'zh-CN' } });
const page = await response.text();
async function continuationId(): Promise<number> {
  await null;
  return executionAsyncId();
}
console.log(JSON.stringify({ status: response.status, rendered: page.includes('</html>'), asyncId: await continuationId() }));
await handle.close();
