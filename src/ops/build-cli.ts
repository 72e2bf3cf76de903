// npm run build (and before npm start): bundles the server into dist/main.js.
import { DIST, SERVER_ENTRY, bundle } from './build.ts';

const started = Date.now();
try {
  await bundle(SERVER_ENTRY);
  console.log(`Built ${DIST}/main.js in ${Date.now() - started} ms`);
} catch (error) {
  // esbuild has already printed where the source fails to build.
  console.error(`clubroll: the build failed: ${(error as Error).message.split('\n')[0]}`);
  process.exit(1);
}
