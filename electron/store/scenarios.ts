import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ModelId } from '../../model/schema/model';
import {
  scenarioSchema,
  type Overrides,
  type Scenario,
  type ScenarioId,
  type ScenarioLink,
} from '../../model/schema/scenario';
import { OperationError } from '../api/result';
import { byName, firstFreeName, nameKey, validNew } from './names';
import { parseStoredDocument } from './stored-document';

export interface ScenarioInput {
  readonly name: string;
  readonly description?: string | undefined;
  readonly overrides: Overrides;
  readonly links?: readonly ScenarioLink[] | undefined;
}

export interface ScenarioChange {
  readonly name?: string | undefined;
  readonly description?: string | undefined;
  readonly overrides?: Overrides | undefined;
  readonly links?: readonly ScenarioLink[] | undefined;
}

export interface ScenarioRepository {
  /** The model's scenarios, sorted by name. not-found if the model does not exist. */
  list(modelId: ModelId): Scenario[];
  get(id: ScenarioId): Scenario;
  /** conflict if the model already has a scenario with that name (case-insensitive). */
  create(modelId: ModelId, input: ScenarioInput): Scenario;
  /** Changes the given fields; conflict on a clashing name. */
  update(id: ScenarioId, change: ScenarioChange): Scenario;
  /** A copy named "<name> (copy)" (or the given name), made free if taken. */
  duplicate(id: ScenarioId, name?: string): Scenario;
  delete(id: ScenarioId): void;
}

interface ScenarioRow {
  readonly id: string;
  readonly project_id: string;
  readonly model_id: string;
  readonly name: string;
  readonly description: string;
  readonly overrides: string;
  readonly links: string;
  readonly created_at: string;
  readonly updated_at: string;
}

const TABLE = 'scenarios';
const COLUMNS = 'id, project_id, model_id, name, description, overrides, links, created_at, updated_at';

/** JSON text that fails to parse is reported through the schema (as the field's wrong type), not as a crash. */
const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

const fromRow = (row: ScenarioRow): Scenario =>
  parseStoredDocument(scenarioSchema, TABLE, row.id, {
    id: row.id,
    projectId: row.project_id,
    modelId: row.model_id,
    name: row.name,
    description: row.description,
    overrides: parseJson(row.overrides),
    links: parseJson(row.links),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });

/** Scenarios of the workspace's models. Writes are IMMEDIATE transactions (see projects.ts). */
export function createScenarioRepository(db: Database, now: () => Date): ScenarioRepository {
  const selectByModel = db.prepare<[string], ScenarioRow>(
    `SELECT ${COLUMNS} FROM scenarios WHERE model_id = ?`,
  );
  const selectById = db.prepare<[string], ScenarioRow>(`SELECT ${COLUMNS} FROM scenarios WHERE id = ?`);
  const selectModel = db.prepare<[string], { project_id: string }>(
    'SELECT project_id FROM models WHERE id = ?',
  );
  const insert = db.prepare<[string, string, string, string, string, string, string, string, string]>(
    `INSERT INTO scenarios (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare<[string, string, string, string, string, string]>(
    'UPDATE scenarios SET name = ?, description = ?, overrides = ?, links = ?, updated_at = ? WHERE id = ?',
  );
  const deleteById = db.prepare<[string]>('DELETE FROM scenarios WHERE id = ?');

  const projectOf = (modelId: string): string => {
    const model = selectModel.get(modelId);
    if (model === undefined) throw new OperationError('not-found', `No model with id "${modelId}".`);
    return model.project_id;
  };

  const get = (id: ScenarioId): Scenario => {
    const row = selectById.get(id);
    if (row === undefined) throw new OperationError('not-found', `No scenario with id "${id}".`);
    return fromRow(row);
  };

  const assertNameFree = (modelId: string, name: string, exceptId: string): void => {
    const clash = selectByModel
      .all(modelId)
      .find((row) => row.id !== exceptId && nameKey(row.name) === nameKey(name));
    if (clash !== undefined) {
      throw new OperationError('conflict', `This model already has a scenario named "${clash.name}".`);
    }
  };

  const write = (scenario: Scenario, isNew: boolean): Scenario => {
    const overrides = JSON.stringify(scenario.overrides);
    const links = JSON.stringify(scenario.links);
    if (isNew) {
      insert.run(
        scenario.id,
        scenario.projectId,
        scenario.modelId,
        scenario.name,
        scenario.description,
        overrides,
        links,
        scenario.createdAt,
        scenario.updatedAt,
      );
    } else {
      update.run(scenario.name, scenario.description, overrides, links, scenario.updatedAt, scenario.id);
    }
    return scenario;
  };

  const create = (modelId: ModelId, input: ScenarioInput): Scenario =>
    db
      .transaction(() => {
        const at = now().toISOString();
        const scenario = validNew(scenarioSchema, 'scenario', {
          id: randomUUID(),
          projectId: projectOf(modelId),
          modelId,
          name: input.name,
          description: input.description ?? '',
          overrides: input.overrides,
          links: input.links ?? [],
          createdAt: at,
          updatedAt: at,
        });
        assertNameFree(modelId, scenario.name, scenario.id);
        return write(scenario, true);
      })
      .immediate();

  return {
    list(modelId) {
      projectOf(modelId);
      return selectByModel.all(modelId).map(fromRow).sort(byName);
    },

    get,

    create,

    update(id, change) {
      return db
        .transaction(() => {
          const current = get(id);
          const next = validNew(scenarioSchema, 'scenario', {
            ...current,
            ...Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)),
            updatedAt: now().toISOString(),
          });
          assertNameFree(current.modelId, next.name, id);
          return write(next, false);
        })
        .immediate();
    },

    duplicate(id, name) {
      return db
        .transaction(() => {
          const source = get(id);
          const taken = selectByModel.all(source.modelId).map((row) => row.name);
          const copyName = firstFreeName(name?.trim() ?? `${source.name} (copy)`, taken);
          return create(source.modelId, { ...source, name: copyName });
        })
        .immediate();
    },

    delete(id) {
      if (deleteById.run(id).changes === 0)
        throw new OperationError('not-found', `No scenario with id "${id}".`);
    },
  };
}
