/**
 * A ParsedDoc written by hand, as spaCy would answer it, so the passes can be tested without
 * the parser: one line per token, "text lemma POS dep head [TAG] [ENT]", tokens joined by single
 * spaces; entities are runs of tokens with the same ENT label; "\n" tokens end a line.
 */
import { decodeParseAnswer, type ParsedDoc, type WireDoc } from '../../../server/nlp/parsedDoc.ts';

export function parsed(lines: string[]): ParsedDoc {
  const tokens = lines.map((line) => {
    const [text, lemma, pos, dep, head, ...rest] = line.split(' ');
    const tag = rest.find((r) => /^[A-Z]{2,4}\$?$/.test(r) && !['PERSON', 'ORG', 'GPE', 'NORP', 'DATE'].includes(r)) ?? (pos === 'AUX' && /^(would|could|will|may|might|can|should|must)$/i.test(text!) ? 'MD' : pos === 'NOUN' ? 'NN' : pos!);
    const ent = rest.find((r) => ['PERSON', 'ORG', 'GPE', 'NORP', 'DATE'].includes(r)) ?? '';
    return { text: text === '\\n' ? '\n' : text!, lemma: lemma!, pos: pos!, dep: dep!, head: Number(head), tag, ent };
  });
  let text = '';
  const idx: number[] = [];
  const ws: number[] = [];
  tokens.forEach((t, i) => {
    idx.push(text.length);
    text += t.text;
    const space = i < tokens.length - 1 && t.text !== '\n' && tokens[i + 1]!.text !== '\n' && !/^[,.’'”]/.test(tokens[i + 1]!.text) && !/^[“]$/.test(t.text);
    ws.push(space ? 1 : 0);
    if (space) text += ' ';
  });
  const strings: string[] = [];
  const at = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  const ents: number[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    if (!tokens[i]!.ent || (i > 0 && tokens[i - 1]!.ent === tokens[i]!.ent)) continue;
    let end = i + 1;
    while (end < tokens.length && tokens[end]!.ent === tokens[i]!.ent) end += 1;
    ents.push(i, end, at(tokens[i]!.ent));
  }
  const wire: WireDoc = {
    idx,
    ws,
    lemma: tokens.map((t) => at(t.lemma)),
    pos: tokens.map((t) => at(t.pos)),
    tag: tokens.map((t) => at(t.tag)),
    dep: tokens.map((t) => at(t.dep)),
    morph: tokens.map(() => at('')),
    head: tokens.map((t) => t.head),
    sents: [0],
    ents,
    chunks: [],
  };
  return decodeParseAnswer([text], { protocol: 1, model: 'hand-written', strings, docs: [wire], timing: { spacy_ms: 0, queue_ms: 0, batch_texts: 1 } })[0]!;
}
