/**
 * The order the what-if panel lists constants in. A model can say which constants are its levers and how the
 * rest belong together; where it says nothing, constants are listed by name, with stocks' initial values last.
 *
 * What counts as the model saying so:
 * - XMILE groups (`<group name="..."><entity name="..."/></group>` among the variables, XMILE 1.0 "Groups"):
 *   a group whose name speaks of levers or policies comes first; other groups follow in the file's order.
 * - Sliders on an interface view (`<slider><entity name="..."/></slider>` inside `<views>`, as Stella writes
 *   them): the constants a modeller put a slider on are the levers of the model's own control panel.
 * - Documentation that begins "Policy lever:" (the convention of the empathy reference model, whose grounding
 *   file tags its levers [L]).
 */
import { canonicalName, type ModelDocument, type ParameterInfo } from '../../../../model/sd';
import { isElement, localName, type XmlElement, type XmlNode } from '../../../../model/sd/xml-tree';

export interface ParameterGroup {
  readonly title: string;
  readonly kind: 'levers' | 'group' | 'constants' | 'initial values';
  readonly parameters: readonly ParameterInfo[];
}

const LEVER_GROUP = /lever|polic/i;

const byName = (a: ParameterInfo, b: ParameterInfo): number =>
  a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' });

function entityNames(element: XmlElement): string[] {
  return element.children
    .filter(isElement)
    .filter((child) => localName(child.tag) === 'entity')
    .map((child) => child.attributes['name'])
    .filter((name): name is string => name !== undefined && name.trim() !== '');
}

/** Every element with the given local name below the nodes, depth first. */
function descendants(nodes: readonly XmlNode[], name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (node: XmlNode) => {
    if (!isElement(node)) return;
    if (localName(node.tag) === name) found.push(node);
    node.children.forEach(visit);
  };
  nodes.forEach(visit);
  return found;
}

/** The groups the document declares, with their members' canonical ids, in file order. */
export function declaredGroups(document: ModelDocument): { name: string; members: string[] }[] {
  return document.preserved.variablesExtra
    .filter(isElement)
    .filter((element) => localName(element.tag) === 'group')
    .map((element) => ({
      name: element.attributes['name']?.trim() ?? '',
      members: entityNames(element).map(canonicalName),
    }))
    .filter((group) => group.name !== '' && group.members.length > 0);
}

const LEVER_DOC = /^\s*(policy\s+)?lever\b/i;

/** Canonical ids of the variables whose documentation says they are a policy lever, in model order. */
export function documentedLevers(document: ModelDocument): string[] {
  return document.variables
    .filter((variable) => variable.doc !== undefined && LEVER_DOC.test(variable.doc))
    .map((variable) => canonicalName(variable.name));
}

/** Canonical ids of the constants that have a slider on one of the model's interface views. */
export function sliderEntities(document: ModelDocument): Set<string> {
  if (document.views === undefined) return new Set();
  return new Set(descendants([document.views], 'slider').flatMap(entityNames).map(canonicalName));
}

export function groupParameters(
  parameters: readonly ParameterInfo[],
  document: ModelDocument,
): ParameterGroup[] {
  const remaining = new Map(parameters.map((parameter) => [parameter.id, parameter]));
  const take = (ids: Iterable<string>): ParameterInfo[] => {
    const taken: ParameterInfo[] = [];
    for (const id of ids) {
      const parameter = remaining.get(id);
      if (parameter === undefined) continue;
      remaining.delete(id);
      taken.push(parameter);
    }
    return taken;
  };

  const groups: ParameterGroup[] = [];
  const declared = declaredGroups(document);
  const leverGroups = declared.filter((group) => LEVER_GROUP.test(group.name));
  // The modeller's order inside a levers group is kept: it usually reads as a story.
  const levers = [
    ...take(leverGroups.flatMap((group) => group.members)),
    ...take(sliderEntities(document)),
    ...take(documentedLevers(document)),
  ];
  if (levers.length > 0) groups.push({ title: 'Levers', kind: 'levers', parameters: levers });
  for (const group of declared.filter((candidate) => !LEVER_GROUP.test(candidate.name))) {
    const members = take(group.members).sort(byName);
    if (members.length > 0) groups.push({ title: group.name, kind: 'group', parameters: members });
  }
  const rest = [...remaining.values()].sort(byName);
  const constants = rest.filter((parameter) => parameter.kind === 'constant');
  const initials = rest.filter((parameter) => parameter.kind === 'initial value');
  const anyBefore = groups.length > 0;
  if (constants.length > 0)
    groups.push({
      title: anyBefore ? 'Other constants' : 'Constants',
      kind: 'constants',
      parameters: constants,
    });
  if (initials.length > 0)
    groups.push({ title: 'Initial values of stocks', kind: 'initial values', parameters: initials });
  return groups;
}

/** Keeps the parameters whose name contains every word of the filter (case and spacing ignored). */
export function filterGroups(groups: readonly ParameterGroup[], filter: string): ParameterGroup[] {
  const words = canonicalName(filter).split('_').filter(Boolean);
  if (words.length === 0) return [...groups];
  return groups
    .map((group) => ({
      ...group,
      parameters: group.parameters.filter((parameter) => words.every((word) => parameter.id.includes(word))),
    }))
    .filter((group) => group.parameters.length > 0);
}
