import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readFileHeader } from '../../../electron/store/file-header';
import { readIdentity } from '../../../electron/store/identity';
import { tempDataDir } from './support';

describe('the header read without SQLite', () => {
  it('says missing, empty, and not SQLite', () => {
    const dir = tempDataDir();
    expect(readFileHeader(path.join(dir, 'none.sqlite'))).toEqual({ kind: 'missing' });
    fs.writeFileSync(path.join(dir, 'empty.sqlite'), '');
    expect(readFileHeader(path.join(dir, 'empty.sqlite'))).toEqual({ kind: 'empty' });
    fs.writeFileSync(path.join(dir, 'text.sqlite'), 'hello');
    expect(() => readFileHeader(path.join(dir, 'text.sqlite'))).toThrow(
      expect.objectContaining({ problem: 'not-sqlite' }),
    );
  });

  it('agrees with SQLite on the identity of a closed database', () => {
    const dir = tempDataDir();
    const cases: [string, (db: Database.Database) => void][] = [
      ['nothing yet', () => undefined],
      ['one table', (db) => db.exec('CREATE TABLE notes (body TEXT)')],
      [
        'marked and versioned',
        (db) => {
          db.pragma('application_id = -123456');
          db.pragma('user_version = 42');
        },
      ],
      [
        'a large schema',
        (db) => db.exec(Array.from({ length: 300 }, (_, i) => `CREATE TABLE t${i} (x TEXT);`).join('')),
      ],
    ];
    for (const [name, prepare] of cases) {
      const file = path.join(dir, `${name}.sqlite`);
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      prepare(db);
      const identity = readIdentity(db);
      db.close();
      expect(readFileHeader(file), name).toEqual({ kind: 'sqlite', identity, walMode: true });
    }
  });
});
