/**
 * The command line: `npm run --silent cli -- <command> [options]` (and `empathy-workbench <command>` once
 * packaged). See command.ts for the exit-code and output conventions.
 */
import { runCli } from './run';

const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  cwd: process.env['INIT_CWD'] ?? process.cwd(),
  env: process.env,
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `empathy-workbench: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
