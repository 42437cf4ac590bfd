/**
 * What the browser benchmarks share: the built renderer (rebuilt when stale, or into EMPATHY_E2E_DIST as the
 * end-to-end tests do), a web host on a fresh data folder, Debian's Chromium with the Playwright flags, a page
 * that records its script errors, and the clean-up. A browser that cannot start must not take the other
 * benchmarks down with it, so a failure is printed as one line.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { buildRenderer, rendererBuildIsStale } from '../../electron/web/renderer-build';
import playwrightConfig from '../../playwright.config';
import { e2eStaticDir, startWebHost, type RunningHost } from '../e2e/web-host';
import type { Benchmark } from './main';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';

/** The percentile by linear interpolation between closest ranks (the R-7 / NumPy default). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lower = sorted[low] as number;
  return lower + ((sorted[high] as number) - lower) * (rank - low);
}

export interface BenchPage {
  readonly page: Page;
  readonly host: RunningHost;
  /** The page's uncaught script errors so far: the likely reason nothing draws. */
  readonly pageErrors: readonly string[];
  /** `error`, or the page's script errors when there are any (they say more than a timeout). */
  readonly explain: (error: unknown) => Error;
}

/**
 * Runs `body` on a page of a fresh web host (with the sample project when `samples`), 1440 × 900; prints
 * "<label>  skipped: ..." when there is no Chromium.
 */
export async function onBenchPage(
  label: string,
  print: (line: string) => void,
  samples: boolean,
  body: (bench: BenchPage) => Promise<void>,
): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    print(`${label}  skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
    return;
  }
  const outDir = e2eStaticDir();
  if (outDir !== undefined) await buildRenderer(ROOT, outDir);
  else if (rendererBuildIsStale(ROOT, resolve(ROOT, 'dist'))) await buildRenderer(ROOT);
  const dataDir = mkdtempSync(join(tmpdir(), 'empathy-bench-'));
  let host: RunningHost | undefined;
  let browser: Browser | undefined;
  try {
    host = await startWebHost(dataDir, { samples });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...(playwrightConfig.use?.launchOptions?.args ?? [])],
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const explain = (error: unknown): Error =>
      pageErrors.length > 0
        ? new Error(`the page failed: ${pageErrors.join('; ')}`)
        : error instanceof Error
          ? error
          : new Error(String(error));
    await body({ page, host, pageErrors, explain });
  } finally {
    await browser?.close();
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A benchmark whose failure prints "<label>  failed: <first line>" instead of throwing. */
export function browserBenchmark(
  name: string,
  label: string,
  run: (print: (line: string) => void) => Promise<void>,
): Benchmark {
  return {
    name,
    async run(print) {
      try {
        await run(print);
      } catch (error) {
        print(`${label}  failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    },
  };
}
