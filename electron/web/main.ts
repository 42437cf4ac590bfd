/**
 * `npm run web [-- --port N] [-- --data-dir DIR] [-- --no-build]`: builds the renderer if needed, then serves it
 * and the API on 127.0.0.1, for workshops in a browser and for the end-to-end tests.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { APP_NAME, APP_VERSION } from '../app-info';
import { resolveDataDir } from '../data-dir';
import { createHandlers } from '../services/handlers';
import { seedNewWorkspace } from '../services/samples';
import { openWorkspace } from '../store/workspace';
import { buildRenderer, rendererBuildIsStale } from './renderer-build';
import { startWebServer } from './server';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_PORT = 5178;

const USAGE = `Usage: npm run web -- [--port N] [--data-dir DIR] [--no-build] [--static-dir DIR]
  --port N         port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks a free one)
  --data-dir DIR   workspace folder (default: $EMPATHY_WORKBENCH_DATA_DIR, else the desktop app's folder)
  --no-build       serve dist/ as it is, without rebuilding the renderer when sources changed
  --static-dir DIR serve the renderer built into DIR instead of dist/ (implies --no-build)
  --no-samples     start a new workspace empty, without the sample project`;

function fatal(message: string, code: number): never {
  process.stderr.write(`${APP_NAME} web: ${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let values: {
    port?: string | undefined;
    'data-dir'?: string | undefined;
    'no-build'?: boolean | undefined;
    'static-dir'?: string | undefined;
    'no-samples'?: boolean | undefined;
    help?: boolean | undefined;
  };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'no-build': { type: 'boolean' },
        'static-dir': { type: 'string' },
        'no-samples': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fatal(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, 2);
  }
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fatal(`--port must be an integer from 0 to 65535 (got "${values.port}")`, 2);

  const staticDir = values['static-dir'];
  const distDir = staticDir === undefined ? join(ROOT, 'dist') : resolve(staticDir);
  if (staticDir === undefined && values['no-build'] !== true && rendererBuildIsStale(ROOT, distDir)) {
    process.stderr.write('Building the renderer (dist/ is missing or older than its sources)...\n');
    await buildRenderer(ROOT);
  }

  const cwd = process.env['INIT_CWD'] ?? process.cwd();
  const { dataDir } = resolveDataDir({ flag: values['data-dir'], env: process.env, cwd });
  let workspace;
  try {
    workspace = openWorkspace({ dataDir });
  } catch (error) {
    fatal(error instanceof Error ? error.message : String(error), 1);
  }
  if (values['no-samples'] !== true) {
    seedNewWorkspace(workspace, join(ROOT, 'sample-data'), (message) => process.stderr.write(`${message}\n`));
  }
  const server = await startWebServer({
    handlers: createHandlers({ workspace, host: 'web' }),
    staticDir: distDir,
    port,
  }).catch((error: unknown) => {
    workspace.close();
    const detail = error instanceof Error ? error.message : String(error);
    fatal(`cannot listen on 127.0.0.1:${port}: ${detail}`, 1);
  });
  process.stdout.write(`${APP_NAME} ${APP_VERSION} is serving ${server.url}\nWorkspace: ${workspace.path}\n`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void server.close().finally(() => {
      workspace.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) =>
  fatal(error instanceof Error ? (error.stack ?? error.message) : String(error), 1),
);
