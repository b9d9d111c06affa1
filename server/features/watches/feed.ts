/**
 * A watch's changes as an Atom 1.0 feed (RFC 4287), written with xmlbuilder2: one entry per change,
 * linking to the explorer where it opens (a position's trace, the conflicts, a source).
 */
import { create } from 'xmlbuilder2';
import type { ChangeEvent } from '../../contract/watches.ts';

/** The explorer's permalink for what a change opens (client/src/state/permalink.ts). */
function explorerLink(origin: string, change: ChangeEvent): string {
  const [link] = change.links;
  const hash = new URLSearchParams();
  if (link?.kind === 'trace') hash.set('mode', 'trace'), hash.set('position', link.id);
  else if (link?.kind === 'conflict') hash.set('mode', 'conflicts'), hash.set('conflict', link.id);
  else if (link?.kind === 'source') hash.set('mode', 'sources'), hash.set('source', link.id);
  else if (link) hash.set('node', link.id);
  return `${origin}/#${hash.toString()}`;
}

export function atomFeed(
  { origin, selfUrl, watch, changes }: { origin: string; selfUrl: string; watch: { id: string; label: string; createdAt: string }; changes: ChangeEvent[] },
): string {
  const feed = create({ version: '1.0', encoding: 'UTF-8' }).ele('http://www.w3.org/2005/Atom', 'feed');
  feed.ele('id').txt(`urn:parley:${watch.id}`);
  feed.ele('title').txt(`Parley: changes on ${watch.label}`);
  feed.ele('updated').txt(changes[0]?.at ?? watch.createdAt);
  feed.ele('link', { rel: 'self', type: 'application/atom+xml', href: selfUrl });
  feed.ele('link', { rel: 'alternate', type: 'text/html', href: `${origin}/` });
  feed.ele('author').ele('name').txt('Parley');
  feed.ele('generator').txt('Parley');
  for (const change of changes) {
    const entry = feed.ele('entry');
    entry.ele('id').txt(`urn:parley:${change.id}`);
    entry.ele('title').txt(change.title);
    entry.ele('updated').txt(change.at);
    entry.ele('link', { rel: 'alternate', type: 'text/html', href: explorerLink(origin, change) });
    entry.ele('category', { term: change.kind });
    entry.ele('summary').txt(`${change.kind.replace(/-/g, ' ')}: ${change.title}${change.sourceId ? ` (source ${change.sourceId})` : ''}`);
  }
  return feed.end({ prettyPrint: true });
}
