/** diff: loaded words and intensifiers a later version brings in (data/diff-loaded-words.json by default). */
import loadedWords from '../../data/diff-loaded-words.json' with { type: 'json' };
import { analyzeText, type Token } from '../nlp/index.js';
import type { Change, VersionContext } from './change-types.js';

const INTENSIFIERS = new Set(loadedWords.intensifiers);
const LOADED = new Set([...loadedWords.intensifiers, ...loadedWords.loaded]);

/** Default loaded-word test: the small list in data/diff-loaded-words.json. */
export function isDefaultLoaded(lemma: string, pos: string): boolean {
  void pos;
  return LOADED.has(lemma.toLowerCase());
}

/** Loaded words the later version brings into the quote, the cue or the speaker label. */
export function compareLoaded(
  earlier: VersionContext,
  later: VersionContext,
  tokensA: Token[],
  tokensB: Token[],
  isLoaded: (lemma: string, pos: string) => boolean,
): Change[] {
  const places = (v: VersionContext, quoteTokens: Token[]) => [
    { where: 'the quote', tokens: quoteTokens },
    { where: 'the cue', tokens: v.cue ? analyzeText(v.cue).tokens : [] },
    { where: 'the speaker label', tokens: v.speakerMention ? analyzeText(v.speakerMention).tokens : [] },
  ];
  const before = new Set(
    places(earlier, tokensA)
      .flatMap((p) => p.tokens)
      .filter((t) => isLoaded(t.lemma, t.pos))
      .map((t) => t.lemma),
  );
  const changes: Change[] = [];
  for (const { where, tokens } of places(later, tokensB)) {
    for (const t of tokens) {
      if (t.type !== 'word' || before.has(t.lemma) || !isLoaded(t.lemma, t.pos)) continue;
      before.add(t.lemma);
      const label = INTENSIFIERS.has(t.lemma) ? 'Intensifier' : 'Loaded word';
      changes.push({ type: 'loaded-added', message: `${label} '${t.text}' added to ${where}`, words: [t.text] });
    }
  }
  return changes;
}
