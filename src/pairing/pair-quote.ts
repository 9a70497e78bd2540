/**
 * pairing: a quote against its candidates — the decision for each, with the
 * rules every caller shares (a scare quote marks a word, not a statement, so
 * it never pairs; a quote never pairs within its own article).
 */
import type { WordVectors } from '../vectors/table.js';
import { listIndexTerms } from './candidates.js';
import { decideIfPairedInContext } from './context-change.js';
import { prepareQuote, type QuoteFeatures } from './features.js';
import { matchSpeakers } from '../speakers/index.js';
import type { PairingQuote, PairSuggestion } from './index.js';

/** A quote with its features and index terms, computed once. */
export interface PreparedQuote {
  quote: PairingQuote;
  features: QuoteFeatures;
  terms: string[];
}

/** Quote kinds that never pair: a scare quote marks a word, not a statement. */
const UNPAIRED_KINDS = new Set(['scare']);

/** Can a quote of this kind pair at all? */
export function canPair(kind: string): boolean {
  return !UNPAIRED_KINDS.has(kind);
}

/** Prepare a quote for pairing; features may come from a cache or the store. */
export function prepareForPairing(
  quote: PairingQuote,
  vectors: WordVectors | undefined,
  features?: QuoteFeatures,
): PreparedQuote {
  const f = features ?? prepareQuote(quote.text, vectors);
  if (!features && quote.clause) f.clause = quote.clause;
  return { quote, features: f, terms: listIndexTerms(f) };
}

/**
 * Decide a quote against its candidates; the pairs it makes, the candidate
 * (earlier in the index) as `a`. Candidates in its own article, or of a kind
 * that never pairs, are skipped.
 */
export function pairQuote(entry: PreparedQuote, candidates: PreparedQuote[]): PairSuggestion[] {
  if (!canPair(entry.quote.kind)) return [];
  const pairs: PairSuggestion[] = [];
  for (const other of candidates) {
    if (other.quote.article === entry.quote.article || !canPair(other.quote.kind)) continue;
    const d = decideIfPairedInContext(
      other.features,
      entry.features,
      matchSpeakers(other.quote.speaker, entry.quote.speaker),
    );
    if (d)
      pairs.push({
        a: other.quote.id,
        b: entry.quote.id,
        score: d.score,
        relation: d.relation,
        alterations: d.alterations,
        reasons: d.reasons,
      });
  }
  return pairs;
}
