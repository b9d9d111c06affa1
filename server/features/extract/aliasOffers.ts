/**
 * A name the draft proposes as a new entity that is spelled close to one the graph holds
 * ("Umierov" for Umerov, "Zelenskyy" for Zelensky) is offered as that entity's alias; the
 * analyst keeps the choice in the payload's `aliases`. Pure.
 */
import type { AliasOffer, MentionProvenance } from '../../contract/extract.ts';
import { type KnownName, nameSimilarity } from '../../language/index.ts';

/** Below this, two spellings are different names: Rustem Umierov/Umerov scores 0.90, Zelenskyy/Zelensky 0.95, Russia/Prussia 0.80, Peskov/Umerov 0.14. */
export const ALIAS_SIMILARITY = 0.85;

/** The spellings a name can be compared on: its name, aliases and, for a person, the surname alone. */
function spellingsOf(known: KnownName): string[] {
  const surname = known.type === 'Official' ? [known.name.split(/\s+/).at(-1)!] : [];
  return [known.name, ...known.aliases, ...surname];
}

/** One offer per proposed entity: the closest known entity of its type, at its first mention. */
export function offerAliases(mentions: MentionProvenance[], known: KnownName[]): AliasOffer[] {
  const offers = new Map<string, AliasOffer>();
  for (const mention of mentions) {
    if (!mention.proposed) continue;
    for (const entity of known) {
      if (entity.type !== mention.type) continue;
      const similarity = Math.max(...spellingsOf(entity).map((spelling) => nameSimilarity(mention.text, spelling)));
      const best = offers.get(mention.entity);
      if (similarity < ALIAS_SIMILARITY || (best && best.similarity >= similarity)) continue;
      offers.set(mention.entity, {
        text: best?.text ?? mention.text,
        entity: entity.id,
        name: entity.name,
        similarity: Math.round(similarity * 1000) / 1000,
        start: best?.start ?? mention.start,
        end: best?.end ?? mention.end,
      });
    }
  }
  return [...offers.values()];
}
