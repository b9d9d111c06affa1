/**
 * Coreference: pronouns and definite descriptions resolve to the last compatible mention
 * before them, within a few segments. "He", "his", "the minister" want a person; "it",
 * "its", "the group", "the country" want a party; "they" and "their" take a party too.
 */
import type { ParsedDoc } from '../../../nlp/parsedDoc.ts';
import type { Catalogue } from './mentions.ts';
import type { Mention } from './types.ts';

const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'his', 'her', 'hers']);
const PARTY_PRONOUNS = new Set(['it', 'its', 'they', 'them', 'their']);
const PERSON_NOUNS = new Set(['minister', 'president', 'premier', 'envoy', 'leader', 'official', 'diplomat', 'spokesman', 'spokeswoman', 'spokesperson', 'chief', 'negotiator', 'mediator', 'chancellor', 'general', 'commander', 'adviser', 'advisor', 'secretary']);
const PARTY_NOUNS = new Set(['group', 'movement', 'rebels', 'militia', 'organisation', 'organization', 'country', 'government', 'kingdom', 'republic', 'state', 'guerrillas', 'guerrilla', 'faction', 'alliance']);
/** How many segments back a pronoun may reach. */
const REACH = 4;

export function resolveCoreference(doc: ParsedDoc, mentions: readonly Mention[], catalogue: Catalogue, segments: readonly number[]): Mention[] {
  const out: Mention[] = [];
  const all = [...mentions].sort((a, b) => a.start - b.start);
  for (const t of doc.tokens) {
    const word = t.text.toLowerCase();
    let wants: 'person' | 'party' | undefined;
    let tokStart = t.i;
    if (t.pos === 'PRON' && PERSON_PRONOUNS.has(word)) wants = 'person';
    else if (t.pos === 'PRON' && PARTY_PRONOUNS.has(word)) {
      // "it is", "it falls on": no one.
      if (word === 'it' && (t.dep === 'expl' || /^(be|fall|remain|seem|appear|take|mean)$/.test(doc.token(t.head).lemma))) continue;
      wants = 'party';
    } else if (t.pos === 'NOUN' && t.tag === 'NN' && doc.children(t.i).some((c) => doc.token(c).text.toLowerCase() === 'the')) {
      if (PERSON_NOUNS.has(word)) wants = 'person';
      else if (PARTY_NOUNS.has(word)) wants = 'party';
      if (doc.children(t.i).some((c) => ['amod', 'compound', 'poss'].includes(doc.token(c).dep))) wants = undefined;
      tokStart = Math.min(t.i, ...doc.children(t.i).filter((c) => c < t.i));
    }
    if (!wants || all.some((m) => t.i >= m.tokStart && t.i < m.tokEnd)) continue;
    const antecedent = [...all, ...out]
      .filter((m) => m.end <= t.start && segments[t.i]! - segments[m.head]! <= REACH)
      .sort((a, b) => b.start - a.start)
      .find((m) => {
        const entry = catalogue.byId.get(m.entity);
        if (!entry) return false;
        return wants === 'person' ? entry.type === 'Official' : entry.type === 'Party' || entry.type === 'Delegation';
      });
    if (!antecedent) continue;
    out.push({ start: doc.token(tokStart).start, end: t.end, tokStart, tokEnd: t.i + 1, head: t.i, entity: antecedent.entity, cue: t.pos === 'PRON' ? 'pronoun' : 'description', confidence: 0.7 });
  }
  return out;
}
