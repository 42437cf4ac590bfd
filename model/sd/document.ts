/**
 * The model document: what an XMILE file says, in a form the engine, the editor and the store share. Read by
 * xmile-reader.ts, written by xmile-writer.ts, validated with zod after every read. Parts the engine does not
 * interpret (diagrams, vendor extensions) are kept as XmlNodes so a model survives a round trip through
 * the workbench unchanged.
 */
import { z } from 'zod';
import { xmlNodeSchema, type XmlElement } from './xml-tree';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

export const METHODS = ['euler', 'rk2', 'rk4'] as const;
export const methodSchema = z.enum(METHODS);
export type IntegrationMethod = z.infer<typeof methodSchema>;

export const GF_TYPES = ['continuous', 'extrapolate', 'discrete'] as const;

const scaleSchema = z.object({ min: finite, max: finite });

/** A graphical function (XMILE 1.0 section 3.1.4): y points over x points given as a list or an even scale. */
export const graphicalFunctionSchema = z
  .object({
    name: z.string().optional(),
    type: z.enum(GF_TYPES),
    xpts: z.array(finite).optional(),
    xscale: scaleSchema.optional(),
    ypts: z.array(finite).min(1, 'needs at least one y point'),
    yscale: scaleSchema.optional(),
  })
  .refine((gf) => gf.xpts !== undefined || gf.xscale !== undefined, 'needs <xpts> or <xscale>')
  .refine(
    (gf) => gf.xpts === undefined || gf.xpts.length === gf.ypts.length,
    'needs as many x points as y points',
  );
export type GraphicalFunction = z.infer<typeof graphicalFunctionSchema>;

const variableBase = {
  /** The name as written in the model's `name` attribute. */
  name: z.string().trim().min(1, 'a variable needs a name'),
  /** The equation text as written (for a stock, its initial value). Empty when the file has none. */
  eqn: z.string(),
  doc: z.string().optional(),
  units: z.string().optional(),
  gf: graphicalFunctionSchema.optional(),
  /** Attributes and child elements this engine does not interpret, kept for the writer. */
  attributes: z.record(z.string(), z.string()),
  extra: z.array(xmlNodeSchema),
};

export const stockSchema = z.object({
  kind: z.literal('stock'),
  ...variableBase,
  inflows: z.array(z.string()),
  outflows: z.array(z.string()),
  /** `<non_negative/>`; undefined when the stock says nothing (the model's `<behavior>` decides). */
  nonNegative: z.boolean().optional(),
});

export const flowSchema = z.object({
  kind: z.literal('flow'),
  ...variableBase,
  /** `<non_negative/>` or `<uniflow/>`; undefined when the flow says nothing. */
  nonNegative: z.boolean().optional(),
});

export const auxSchema = z.object({ kind: z.literal('aux'), ...variableBase });

/** A stand-alone `<gf name="...">`: a table used by LOOKUP or called like a function, with no value of its own. */
export const gfVariableSchema = z.object({ kind: z.literal('gf'), ...variableBase });

export const variableSchema = z.discriminatedUnion('kind', [
  stockSchema,
  flowSchema,
  auxSchema,
  gfVariableSchema,
]);
export type Variable = z.infer<typeof variableSchema>;
export type Stock = z.infer<typeof stockSchema>;
export type Flow = z.infer<typeof flowSchema>;

export const simSpecsSchema = z
  .object({
    start: finite,
    stop: finite,
    dt: finite.refine((dt) => dt > 0, 'dt must be greater than 0'),
    /** `<dt reciprocal="true">`: the file wrote 1/dt; kept so the writer writes it the same way. */
    dtReciprocal: z.boolean(),
    /** Save step (`save_step`, `isee:save_interval`); the dt when absent. */
    saveStep: finite.refine((step) => step > 0, 'the save step must be greater than 0').optional(),
    method: methodSchema,
    timeUnits: z.string().optional(),
    attributes: z.record(z.string(), z.string()),
    extra: z.array(xmlNodeSchema),
  })
  .refine((specs) => specs.stop >= specs.start, 'stop must not be before start');
export type SimSpecs = z.infer<typeof simSpecsSchema>;

/** `<macro>` (XMILE 1.0 section 3.6): a named equation with parameters and variables of its own. */
export const macroSchema = z.object({
  name: z.string().trim().min(1),
  /** The macro's result, an equation over its parameters and variables. */
  eqn: z.string(),
  parms: z.array(z.string().trim().min(1)),
  variables: z.array(variableSchema),
  doc: z.string().optional(),
  extra: z.array(xmlNodeSchema),
});
export type Macro = z.infer<typeof macroSchema>;

export const headerSchema = z.object({
  name: z.string().optional(),
  vendor: z.string().optional(),
  product: z.string().optional(),
});

export const modelDocumentSchema = z.object({
  header: headerSchema,
  simSpecs: simSpecsSchema,
  /** `<behavior>`: model-wide defaults for non-negative stocks and flows (XMILE 1.0 section 2.4). */
  behavior: z.object({ nonNegativeStocks: z.boolean(), nonNegativeFlows: z.boolean() }),
  variables: z.array(variableSchema),
  macros: z.array(macroSchema),
  /** The model's `<views>` element (diagram coordinates), kept verbatim. */
  views: xmlNodeSchema.optional(),
  /** Everything else the file held, kept verbatim so the writer can put it back. */
  preserved: z.object({
    rootAttributes: z.record(z.string(), z.string()),
    header: xmlNodeSchema.optional(),
    /** Top-level elements other than header, sim_specs, behavior, model and macro (isee:prefs, model_units, ...). */
    topLevel: z.array(xmlNodeSchema),
    modelAttributes: z.record(z.string(), z.string()),
    /** Children of `<variables>` that are not variables (isee:dependencies, groups, ...). */
    variablesExtra: z.array(xmlNodeSchema),
    /**
     * Children of `<model>` other than `<variables>` and `<views>` (a model-level `<doc>`, vendor
     * elements): those before `<variables>` are written back before it, the others after `<views>`.
     * Absent when there are none.
     */
    modelExtra: z
      .object({ beforeVariables: z.array(xmlNodeSchema), afterVariables: z.array(xmlNodeSchema) })
      .optional(),
  }),
});
export type ModelDocument = z.infer<typeof modelDocumentSchema>;

/** The header element as kept, when it is one. */
export const preservedHeader = (document: ModelDocument): XmlElement | undefined => {
  const header = document.preserved.header;
  return header !== undefined && 'tag' in header ? header : undefined;
};
