// Types of scripts/dist.mjs for its tests (plain Node runs the .mjs; nothing compiles it).

type Env = Readonly<Record<string, string | undefined>>;

export interface Homepage {
  readonly homepage: string;
  readonly source: string;
}

export function webPageOfRemote(remote: string | undefined): string | undefined;
export function resolveHomepage(facts: {
  packageHomepage: unknown;
  env: Env;
  gitRemote: string | undefined;
}): Homepage | undefined;
export function electronBuilderArgs(input: {
  platform: string;
  homepage: Homepage | undefined;
  userArgs: readonly string[];
}): { args: string[]; notes: string[] };
export function main(options: {
  root: string;
  argv?: readonly string[];
  env?: Env;
  platform?: string;
}): number;
