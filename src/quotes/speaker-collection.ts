/**
 * quotes/speaker-collection: who speaks where, by name, registered before
 * quotes are attributed, so that descriptions ("the official") and pronouns
 * can resolve to them.
 */
import { findSubjectAt, isCue, isSentenceEnd, resolvePhrase, type Context } from './attribution.js';
import { speakerKey } from '../speakers/index.js';
import { isSpaceCode } from '../nlp/index.js';
import { startsUpper } from './words.js';

/** The text after the last white space (as `s.split(/\s+/).pop()`). */
function lastPart(s: string): string {
  let j = s.length;
  while (j > 0 && !isSpaceCode(s.charCodeAt(j - 1))) j -= 1;
  return s.slice(j);
}

/** Register who speaks where, by name, so descriptions and pronouns can resolve. */
export function collectSpeakers(ctx: Context): void {
  const { words } = ctx;
  ctx.collecting = true;
  for (let i = 0; i < words.length; i += 1) {
    if (!isCue(words[i])) continue;
    let lower = i;
    while (
      lower > 0 &&
      i - lower < 40 &&
      !isSentenceEnd(words[lower - 1]) &&
      words[lower - 1].paragraph === words[i].paragraph
    )
      lower -= 1;
    // only the subject counts here, not the cue phrase or outlet of a full attribution
    const np = findSubjectAt(ctx, i, lower, Math.min(words.length, i + 12), false);
    if (!np) continue;
    const r = resolvePhrase(ctx, np.from, np.to);
    if (!r.mention) continue;
    const lastWord = lastPart(r.mention);
    if (!startsUpper(lastWord) && !lastWord.startsWith('al-') && !lastWord.startsWith('el-')) continue;
    if (r.kind === 'person' && r.speaker) {
      const p = ctx.people.byKey.get(speakerKey(r.speaker));
      if (p) ctx.speakers.push({ at: i, person: p });
    } else if (r.kind === 'org' && r.speaker) ctx.groupSpeakers.push({ at: i, name: r.speaker });
  }
  ctx.collecting = false;
}
