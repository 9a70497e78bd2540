/**
 * Search over the corpus, grouped by kind: articles, quotes (with their
 * speaker), speakers (by any alias) and statements. Words are stemmed by
 * the index (Porter), and a word spelled like a speaker's name is widened
 * to the corpus's other spellings of it.
 */
import type { Db } from '../db.js';
import { buildMatch, nameMatches, nameWords, searchWords, spellingVariants } from '../search/query.js';
import { buildSnippet } from '../search/snippet.js';
import {
  listQuotedAliases,
  matchArticles,
  matchQuotes,
  type ArticleHitRow,
  type QuoteHitRow,
} from '../store/search.js';
import { getSpeaker, type SpeakerRow } from '../store/speakers.js';
import { getStatement } from './statements.js';

/** Longest quote or statement text a search answers with; the rest is on the article's page. */
const MAX_HIT_TEXT = 1000;

/** Cut a found text to MAX_HIT_TEXT characters, with an ellipsis when cut. */
const boundText = (text: string): string => (text.length > MAX_HIT_TEXT ? `${text.slice(0, MAX_HIT_TEXT)}…` : text);

/** An article found by search; the snippet (bounded) marks matches with \u0002…\u0003. */
export type ArticleHit = Omit<ArticleHitRow, 'head'> & { snippet: string };

/** A quote found by search (its text cut to MAX_HIT_TEXT); the snippet marks matches with \u0002…\u0003. */
export type QuoteHit = QuoteHitRow & { snippet: string };

/** A statement found through one of its versions. */
export interface StatementHit {
  id: number;
  versionCount: number;
  speaker: string | null;
  kind: QuoteHitRow['kind'];
  /** the earliest version's words, cut to MAX_HIT_TEXT characters */
  text: string;
  outlets: string[];
}

/** What a search found, by kind. */
export interface SearchResult {
  q: string;
  words: string[];
  /** query words also searched under other spellings of a speaker's name */
  spellings: { word: string; variants: string[] }[];
  articles: ArticleHit[];
  quotes: QuoteHit[];
  speakers: SpeakerRow[];
  statements: StatementHit[];
}

const STATEMENT_LOOKUPS = 30;

/** Search everything for a query; an empty query finds nothing. */
export function searchCorpus(db: Db, q: string, limit = 50): SearchResult {
  const words = searchWords(q);
  const empty: SearchResult = { q, words, spellings: [], articles: [], quotes: [], speakers: [], statements: [] };
  if (words.length === 0) return empty;
  const aliases = listQuotedAliases(db);
  const variants = spellingVariants(words, nameWords(aliases.map((a) => a.alias)));
  const match = buildMatch(words, variants);
  const marked = [...words, ...[...variants.values()].flat()];
  const quotes = matchQuotes(db, match, limit).map((q) => ({
    ...q,
    text: boundText(q.text),
    snippet: buildSnippet(q.text, marked, { before: 80, after: 200 }),
  }));
  return {
    ...empty,
    spellings: [...variants].map(([word, v]) => ({ word, variants: v })),
    articles: matchArticles(db, match, limit).map(({ head, ...a }) => ({ ...a, snippet: buildSnippet(head, marked) })),
    quotes,
    speakers: findSpeakers(db, aliases, words),
    statements: findStatements(db, quotes),
  };
}

function findSpeakers(db: Db, aliases: { speakerId: number; alias: string }[], words: string[]): SpeakerRow[] {
  const ids = new Set<number>();
  for (const a of aliases) if (nameMatches(a.alias, words)) ids.add(a.speakerId);
  return [...ids]
    .map((id) => getSpeaker(db, id))
    .filter((s): s is SpeakerRow => s !== undefined)
    .sort((a, b) => b.quoteCount - a.quoteCount || a.name.localeCompare(b.name));
}

function findStatements(db: Db, quotes: QuoteHit[]): StatementHit[] {
  const found = new Map<number, StatementHit>();
  const covered = new Set<number>();
  for (const q of quotes.slice(0, STATEMENT_LOOKUPS)) {
    if (covered.has(q.id)) continue;
    const s = getStatement(db, q.id);
    if (!s) continue;
    for (const v of s.versions) covered.add(v.quote.id);
    const first = s.versions[0].quote;
    found.set(s.id, {
      id: s.id,
      versionCount: s.versions.length,
      speaker: first.speaker ?? first.speakerName,
      kind: first.kind,
      text: boundText(first.text),
      outlets: [...new Set(s.versions.map((v) => v.quote.articleOutlet ?? 'unknown outlet'))],
    });
  }
  return [...found.values()];
}
