/**
 * The explorer over the node budget (issue 18), on a generated world (bench/world.ts) loaded through
 * the real ingestion and put over a budget lowered for the test: the graph opens as clusters, one
 * expands on a click where it is drawn, and a search hit that none of the loaded nodes holds is
 * brought in. What the page draws is read from sigma through the window.__parley hook and checked
 * against the API's answers and the world itself.
 */
import { describe, expect, it } from 'vitest';
import { loadWorld } from '../../bench/harness.ts';
import { planWorld, worldSources } from '../../bench/world.ts';
import type { GraphView } from '../../server/contract/graphView.ts';
import type { Database } from '../../server/db/database.ts';
import { applySchema } from '../../server/db/schema.ts';
import { browserSuite, type Drawing, settledDrawing } from '../support/browser.ts';
import { testLogger } from '../support/db.ts';

const BUDGET = 100;
/** About 180 drawable entities from 5,000 stances: loaded in seconds, and well over the budget. */
const WORLD = planWorld(5_000, { stancesPerSource: 1_000, prefix: 'cl' });
const WORLD_ENTITIES = new Set([...worldSources(WORLD)].flatMap((payload) => payload.entities.map((entity) => entity.id)));

async function loadGeneratedWorld(db: Database): Promise<void> {
  await db.write('MATCH (n) DETACH DELETE n');
  await applySchema(db, testLogger);
  await loadWorld(db, WORLD, testLogger);
}

const explorer = browserSuite({ env: { PARLEY_GRAPH_NODE_BUDGET: String(BUDGET) }, load: loadGeneratedWorld });

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${explorer.app.url}${path}`);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

/** The view once the server has laid the world out (in the background, after it started). */
async function currentView(): Promise<GraphView> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const view = await api<GraphView>('/api/graph/view');
    if (view.layout.computedAt !== null && !view.layout.stale) return view;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('The layout of the generated world never settled.');
}

/** The centre of a drawn node, unless another drawn node covers that point too (a click there could pick either). */
function clearCentre(drawing: Drawing, node: string): { x: number; y: number } | null {
  const box = drawing.nodes.find((n) => n.node === node)!;
  const [x, y] = [(box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2];
  const covered = drawing.nodes.some((n) => n.node !== node && n.minX <= x && x <= n.maxX && n.minY <= y && y <= n.maxY);
  const inside = x > 0 && y > 0 && x < drawing.canvas.width && y < drawing.canvas.height;
  return covered || !inside ? null : { x: drawing.canvas.x + x, y: drawing.canvas.y + y };
}

describe('a generated world over the node budget', () => {
  it('opens as clusters, expands one on click, and brings in a search hit from another', async () => {
    const view = await currentView();
    const [row] = await explorer.db.read<{ drawable: number }>(
      `MATCH (n) WHERE n:Party OR n:Official OR n:Delegation OR n:Position OR (n:Event AND EXISTS { (n)<-[:ON]-(:Stance) })
       RETURN count(n) AS drawable`,
    );
    const drawable = row!.drawable;
    expect(drawable).toBeGreaterThan(BUDGET);
    expect(view.mode).toBe('clusters');
    expect(view.nodes.size.reduce((a, b) => a + b, 0)).toBe(drawable);
    const sizeOf = new Map(view.nodes.id.map((id, i) => [id, view.nodes.size[i]!]));

    // The page draws the clusters, no more than the budget, each as wide as its members make it.
    const { page, errors } = await explorer.open(explorer.app.url);
    await expect(page.locator('.status').textContent()).resolves.toContain(`as ${view.nodes.id.length} clusters of ${drawable} nodes`);
    const first = await settledDrawing(page);
    expect(first.nodes.length).toBeGreaterThan(1);
    expect(first.nodes.length).toBeLessThanOrEqual(BUDGET);
    expect(first.nodes.every((n) => n.nodeType === 'Cluster')).toBe(true);
    expect(first.nodes.map((n) => n.node).sort()).toEqual([...view.nodes.id].sort());
    const bySize = [...first.nodes].sort((a, b) => sizeOf.get(a.node)! - sizeOf.get(b.node)!);
    const widths = bySize.map((n) => n.maxX - n.minX);
    widths.forEach((width, i) => expect(width).toBeGreaterThanOrEqual((widths[i - 1] ?? 0) - 0.01));
    expect(widths.at(-1)!).toBeGreaterThan(widths[0]!);

    // The biggest cluster with a clear centre is clicked where it is drawn, and gives way to its members.
    const clickable = bySize.filter((n) => sizeOf.get(n.node)! > 1 && clearCentre(first, n.node)).at(-1)!;
    const members = await api<GraphView>(`/api/graph/clusters/${encodeURIComponent(clickable.node)}`);
    expect(members.nodes.id.length).toBe(sizeOf.get(clickable.node));
    expect(members.nodes.id.filter((id) => !WORLD_ENTITIES.has(id))).toEqual([]);
    const at = clearCentre(first, clickable.node)!;
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction((cluster) => !window.__parley!.drawnNodeBoxes().some((n) => n.node === cluster), clickable.node);
    await expect(page.locator('.status').textContent()).resolves.toMatch(new RegExp(`: ${members.nodes.id.length} nodes brought in\\.$`));
    const expanded = await settledDrawing(page);
    const entities = expanded.nodes.filter((n) => n.nodeType !== 'Cluster').map((n) => n.node);
    expect(entities.sort()).toEqual([...members.nodes.id].sort());
    expect(expanded.nodes.filter((n) => n.nodeType === 'Cluster')).toHaveLength(first.nodes.length - 1);

    // An entity of another cluster, which no loaded node shows, is found by name and brought in.
    const other = bySize.find((n) => n.node !== clickable.node)!;
    const outside = await api<GraphView>(`/api/graph/clusters/${encodeURIComponent(other.node)}`);
    // A position if the cluster holds one: its name is its own in search ("Position 12").
    const pick = Math.max(0, outside.nodes.type.indexOf('Position'));
    const [wanted, name] = [outside.nodes.id[pick]!, outside.nodes.label[pick]!];
    expect(WORLD_ENTITIES.has(wanted)).toBe(true);
    expect(expanded.nodes.map((n) => n.node)).not.toContain(wanted);
    const search = page.getByRole('combobox', { name: 'Search the graph' });
    await search.fill(name);
    await page.locator(`.search-hit[data-id="${wanted}"]`).click();
    await expect(page.locator('.side-panel .panel-title').textContent()).resolves.toBe(name);
    await page.waitForFunction((id) => window.__parley!.drawnNodeBoxes().some((n) => n.node === id), wanted);
    expect(errors).toEqual([]);
    await page.close();
  });
});
