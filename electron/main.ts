/**
 * The desktop app's entry point, bundled by `scripts/build-electron.mjs` into `dist-electron/main.cjs` (the
 * `main` of package.json). Everything it does is in `electron/main/`: the lifecycle in lifecycle.ts, the
 * window and its guards in window.ts, the app:// protocol in protocol.ts, IPC in ipc.ts, the menu in menu.ts.
 */
import { launch } from './main/lifecycle';

launch({
  argv: process.argv,
  env: process.env,
  cwd: process.env['INIT_CWD'] ?? process.cwd(),
});
