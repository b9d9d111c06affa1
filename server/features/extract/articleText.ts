/**
 * From what was submitted to the plain text the extractor reads: an HTML page's main content
 * (Mozilla Readability on a linkedom document, as Firefox's reader view finds it), Markdown and
 * plain text as they are, so offsets point into the submitted words. Refuses what is not an
 * English news text, each with its own error.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { AppError, UnprocessableError, ValidationError } from '../../errors.ts';
import { readSentences, type Sentence } from '../../language/index.ts';
import { MAX_ARTICLE_BYTES } from '../../contract/common.ts';
import { ARTICLE_FORMATS } from '../../contract/extract.ts';

type Format = (typeof ARTICLE_FORMATS)[number];

export interface ArticleText {
  text: string;
  format: Format;
  sentences: Sentence[];
}

/** Fewer English function words than this share of words marks a text as not English. */
const MIN_STOP_WORD_SHARE = 0.2;

export function readArticle(submitted: string, format: Format | undefined): ArticleText {
  if (submitted.trim() === '') throw new ValidationError('The article text is empty.', [{ path: 'text', message: 'empty' }]);
  const bytes = Buffer.byteLength(submitted, 'utf8');
  if (bytes > MAX_ARTICLE_BYTES) {
    throw new AppError(413, 'text_too_large', `The article is ${bytes} bytes; the limit is ${MAX_ARTICLE_BYTES} bytes of UTF-8.`, [
      { path: 'text', message: `longer than ${MAX_ARTICLE_BYTES} bytes` },
    ]);
  }
  if (looksBinary(submitted)) {
    throw new UnprocessableError('not_text', 'The article is not text, Markdown or HTML (it holds binary data); paste the text or upload the page.', [
      { path: 'text', message: 'binary content' },
    ]);
  }
  const chosen = format ?? (/^\s*(<!doctype html|<html|<head|<body|<article|<p[\s>]|<div[\s>])/i.test(submitted) ? 'html' : 'text');
  const text = chosen === 'html' ? mainContentOf(submitted) : submitted;
  const sentences = readSentences(text).filter((s) => s.tokens.some((t) => /\p{L}{2}/u.test(t.text)));
  const words = sentences.flatMap((s) => s.tokens.filter((t) => /\p{L}/u.test(t.text)));
  if (sentences.length === 0 || words.length < 3) {
    throw new UnprocessableError('no_sentences', 'The article has no sentences to read.', [{ path: 'text', message: 'no sentences' }]);
  }
  const stopWordShare = words.filter((t) => t.stopWord).length / words.length;
  if (stopWordShare < MIN_STOP_WORD_SHARE) {
    throw new UnprocessableError('not_english', 'The article does not read as English: this language is not supported; Parley extracts from English text only.', [
      { path: 'text', message: `only ${Math.round(stopWordShare * 100)}% of words are English function words` },
    ]);
  }
  return { text, format: chosen, sentences };
}

/** NUL bytes, or many control or replacement characters, mean a binary file was pasted. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.slice(0, 4096);
  const odd = sample.match(/[\u0001-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return odd / sample.length > 0.02 || /^%PDF-|^PK\u0003\u0004/.test(text);
}

function mainContentOf(html: string): string {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document).parse();
  const paragraphs = article?.content ? parseHTML(`<div>${article.content}</div>`).document : document;
  const blocks = [...paragraphs.querySelectorAll('h1, h2, h3, h4, p, li, blockquote')]
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return blocks.length > 0 ? blocks.join('\n\n') : (paragraphs.body?.textContent ?? '').trim();
}
