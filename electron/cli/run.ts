import { APP_NAME, APP_VERSION } from '../app-info';
import { InputError, UsageError, type CliCommand, type CliIO } from './command';
import { COMMANDS } from './registry';

const BIN = 'empathy-workbench';

export function helpText(commands: readonly CliCommand[] = COMMANDS): string {
  const width = Math.max(10, ...commands.map((command) => command.name.length)) + 2;
  const lines = [
    `${APP_NAME} ${APP_VERSION}: system dynamics, network, conjoint and SROI analysis from the command line.`,
    '',
    `Usage: ${BIN} <command> [options]      (from a clone: npm run --silent cli -- <command> [options])`,
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}${command.summary}`),
    '',
    'Options:',
    `  ${'--help'.padEnd(width)}show this help, or a command's help after its name`,
    `  ${'--version'.padEnd(width)}print the version`,
    '',
    'Conventions: results on stdout (or --out FILE), --format json|csv where a command offers both;',
    'exit 0 on success, 1 for bad input (one line on stderr), 2 for bad usage.',
  ];
  return `${lines.join('\n')}\n`;
}

/** Finds the command whose name matches the most leading words of argv. */
function findCommand(argv: readonly string[], commands: readonly CliCommand[]) {
  let best: { command: CliCommand; words: number } | undefined;
  for (const command of commands) {
    const words = command.name.split(' ');
    const matches = words.every((word, index) => argv[index] === word);
    if (matches && (best === undefined || words.length > best.words)) best = { command, words: words.length };
  }
  return best;
}

/** Runs one CLI invocation and returns its exit code. Never throws for bad usage or bad input. */
export async function runCli(
  argv: readonly string[],
  io: CliIO,
  commands: readonly CliCommand[] = COMMANDS,
): Promise<number> {
  const first = argv[0];
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout(helpText(commands));
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${APP_VERSION}\n`);
    return 0;
  }
  const found = findCommand(argv, commands);
  if (found === undefined) {
    const group = commands.filter((command) => command.name.startsWith(`${first} `));
    const hint =
      group.length > 0
        ? `; "${first}" takes one of: ${group.map((command) => command.name.split(' ').slice(1).join(' ')).join(', ')}`
        : `; run "${BIN} --help" for the list`;
    io.stderr(`${BIN}: unknown command "${argv.slice(0, 2).join(' ')}"${hint}\n`);
    return 2;
  }
  const rest = argv.slice(found.words);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${found.command.usage.trimEnd()}\n`);
    return 0;
  }
  try {
    await found.command.run(rest, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${BIN} ${found.command.name}: ${oneLine(error.message)}\n`);
      io.stderr(`usage: ${found.command.usage.split('\n')[0] ?? ''}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr(`${BIN} ${found.command.name}: ${oneLine(error.message)}\n`);
      return 1;
    }
    throw error;
  }
}

const oneLine = (message: string): string => message.replace(/\s*\n\s*/g, ' ').trim();
