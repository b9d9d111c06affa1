/**
 * Points of a pasted document, pure: when the text is a document, or a report of one, its
 * numbered ("1.", "2)", "(3)", "Point 4:") or bulleted ("-", "*", "•") lines become candidate
 * points in order, each with [start, end) offsets into the text, a suggested topic, stance,
 * condition and a proposed position. Fewer than two such lines is not a list: no points.
 */
import type { CandidatePoint } from '../../contract/documents.ts';
import type { PointTopic, StanceType } from '../../contract/model.ts';

const NUMBERED = /^([ \t]*)((?:(?:point|article|clause|section)[ \t]+\d{1,3}[.:)]?|\d{1,3}[.)]|\(\d{1,3}\)|\(?[a-z]\))[ \t]+)/i;
const BULLET = /^([ \t]*)([-*•–][ \t]+)/;

/** Words that suggest each topic (lower case; a point takes the topic with the earliest hit). */
const TOPIC_WORDS: Record<PointTopic, string[]> = {
  ceasefire: ['ceasefire', 'cease-fire', 'truce', 'cessation of hostilities', 'armistice', 'hostilities'],
  withdrawal: ['withdraw', 'withdrawal', 'pull back', 'pullback', 'pull out'],
  territory: ['territor', 'border', 'annex', 'line of contact', 'contact line', 'sovereignty over', 'recognition of crimea', 'region'],
  prisoners_missing: ['prisoner', 'detainee', 'hostage', 'missing', 'bodies', 'exchange of', 'captive'],
  humanitarian: ['humanitarian', 'children', 'civilians', 'refugee', 'displaced', 'aid', 'family reunification'],
  security_guarantees: ['security guarantee', 'guarantees', 'non-aggression', 'aggression'],
  military_limits: ['armed forces', 'army', 'troops', 'weapons', 'nuclear', 'mobilisation', 'mobilization', 'military aid', 'demilitar'],
  alliances_neutrality: ['nato', 'neutral', 'alliance', 'bases', 'foreign troops', 'european union', ' eu '],
  sanctions: ['sanction', 'embargo', 'restrictive measures'],
  elections_governance: ['election', 'martial law', 'referendum', 'constitution', 'government'],
  rights_identity: ['language', 'church', 'minorit', 'rights of', 'nazism', 'religio', 'culture'],
  justice_accountability: ['reparation', 'compensation', 'tribunal', 'war crimes', 'accountab', 'amnesty', 'frozen assets', 'claims'],
  economy_reconstruction: ['reconstruction', 'economic', 'trade', 'investment', 'energy', 'relations'],
  implementation_monitoring: ['monitor', 'verification', 'observer', 'implementation', 'oversight'],
  process_talks: ['talks', 'negotiat', 'meeting', 'summit', 'memorandum', 'treaty', 'agreement', 'security council'],
};

const CONDITION = /\b(?:after|once|within|only if|provided that|on condition that|no later than|until|before|following|subject to)\b[^.;:]*/i;

export function suggestTopic(text: string): PointTopic | null {
  const folded = ` ${text.toLowerCase()} `;
  let best: { topic: PointTopic; at: number } | null = null;
  for (const [topic, words] of Object.entries(TOPIC_WORDS) as [PointTopic, string[]][]) {
    for (const word of words) {
      const at = folded.indexOf(word);
      if (at >= 0 && (best === null || at < best.at)) best = { topic, at };
    }
  }
  return best?.topic ?? null;
}

export function suggestStance(text: string): StanceType {
  if (/^(?:no|not|never|rejection of|refusal of|refuses?|rejects?)\b/i.test(text.trim())) return 'rejected';
  if (/\b(?:must|shall|demands?|requires?|insists?)\b/i.test(text)) return 'demanded';
  return 'proposed';
}

/** `position:` and the point's first six words folded to ASCII. */
export function proposedPosition(text: string): { id: string; name: string } {
  const words = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().match(/[a-z0-9]+/g) ?? ['point'];
  const name = text.length > 120 ? `${text.slice(0, 117).trimEnd()}…` : text;
  return { id: `position:${words.slice(0, 6).join('-')}`, name: name.replace(/[.;:,]+$/, '') };
}

interface ListLine {
  start: number;
  end: number;
  marker: string;
  numbered: boolean;
}

function listLines(text: string): ListLine[] {
  const lines: ListLine[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const numbered = NUMBERED.exec(line);
    const bullet = numbered ? null : BULLET.exec(line);
    const match = numbered ?? bullet;
    if (match) {
      const start = offset + match[1]!.length + match[2]!.length;
      const end = offset + line.replace(/\s+$/, '').length;
      if (end > start) lines.push({ start, end, marker: match[2]!.trim(), numbered: numbered !== null });
    }
    offset += line.length + 1;
  }
  return lines;
}

export function findListedPoints(text: string): CandidatePoint[] {
  const lines = listLines(text);
  const numbered = lines.filter((l) => l.numbered);
  // Numbered points are the document's; bullets count only when nothing is numbered (sub-bullets stay inside their point).
  const chosen = numbered.length >= 2 ? numbered : lines.filter((l) => !l.numbered);
  if (chosen.length < 2) return [];
  return chosen.map((line, i) => {
    const words = text.slice(line.start, line.end);
    return {
      order: i + 1,
      start: line.start,
      end: line.end,
      text: words,
      marker: line.marker,
      topic: suggestTopic(words),
      type: suggestStance(words),
      condition: CONDITION.exec(words)?.[0].trim() ?? null,
      position: proposedPosition(words),
    };
  });
}
