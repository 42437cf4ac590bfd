import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The dependency rule of DESIGN.md, checked through the project's own ESLint config. */
async function restrictedImports(filePath: string, source: string): Promise<string[]> {
  const eslint = new ESLint();
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('import boundaries', () => {
  it('keep model/ free of Node, Electron, the database driver, React, view libraries and upper layers', async () => {
    const imports = [
      "import 'node:fs';",
      "import 'fs';",
      "import 'electron';",
      "import 'better-sqlite3';",
      "import 'react';",
      "import 'react-dom/client';",
      "import 'cytoscape';",
      "import 'd3';",
      "import '../../electron/store/workspace';",
      "import '../../renderer/src/api';",
    ];
    for (const line of imports) {
      expect(await restrictedImports('model/sd/example.ts', line), line).toHaveLength(1);
    }
    expect(await restrictedImports('model/sd/example.ts', "import { z } from 'zod';")).toEqual([]);
  });

  it('keep renderer/ away from Electron, Node and the backend except the contract', async () => {
    for (const line of [
      "import 'electron';",
      "import 'node:path';",
      "import 'path';",
      "import '../../electron/store/workspace';",
      "import '../../electron/main/window';",
    ]) {
      expect(await restrictedImports('renderer/src/example.ts', line), line).toHaveLength(1);
    }
    for (const line of [
      "import type { WorkbenchApi } from '../../electron/api/contract';",
      "import { OPERATIONS } from '../../electron/api/operations';",
      "import '../../model/sd/engine';",
    ]) {
      expect(await restrictedImports('renderer/src/example.ts', line), line).toEqual([]);
    }
  });
});
