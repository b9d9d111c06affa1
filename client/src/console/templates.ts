/**
 * The named analyst questions as console templates: their Cypher, with every parameter filled
 * from the graph on screen so the template runs as it is. A typed id takes the best-connected
 * node of the first type it allows (a second parameter of the same kind takes the next one, so
 * "from" and "to" differ); optional parameters are null, which the questions read as "no filter".
 */
interface TemplateParam {
  name: string;
  /** As the question file declares it: id(Party|Official), ids(Party), id, date, int, stanceFamily, … */
  type: string;
  required: boolean;
}

/** Node ids of the given types, best-connected first; no types means any node. */
type NodesByType = (types: readonly string[]) => string[];

export function templateParams(params: readonly TemplateParam[], nodes: NodesByType): Record<string, unknown> {
  const used = new Map<string, number>();
  const take = (types: string[], count: number): string[] => {
    const key = types.join('|');
    const start = used.get(key) ?? 0;
    used.set(key, start + count);
    return nodes(types).slice(start, start + count);
  };
  const filled: Record<string, unknown> = {};
  for (const { name, type, required } of params) {
    const typed = /^(ids?)(?:\(([^)]*)\))?$/.exec(type);
    if (!required || !typed) {
      filled[name] = null;
      continue;
    }
    const types = typed[2] ? typed[2].split('|') : [];
    const ids = take(types, typed[1] === 'ids' ? 2 : 1);
    filled[name] = typed[1] === 'ids' ? ids : (ids[0] ?? null);
  }
  return filled;
}
