/**
 * quotes/introducers: the speaker of a quotation introduced by a clause that
 * has no cue verb of the list, or whose cue verb stands away from its subject
 * (issue 13): `Harlan stormed back, leaned in and said, “…”`, `Pence
 * continued: “…”`, `According to Politico, “…”`, `Stated Stone: “…”`,
 * `Carl Bialik: “…”`. The subject of the clause's first verb that names
 * someone speaks.
 */
import {
  findRunsIn,
  findSubjectAfter,
  findSubjectBefore,
  resolvePhrase,
  type Attribution,
  type Context,
} from './attribution.js';

/** True for words that can head a verb phrase. */
function isVerb(pos: string): boolean {
  return pos === 'VERB' || pos === 'AUX';
}

/** `According to X, “…”` within words [from, to): X resolved, or null. */
export function accordingTo(ctx: Context, from: number, to: number): Attribution | null {
  const { words } = ctx;
  for (let i = from; i + 2 < to; i += 1) {
    if (words[i].lower !== 'according' || words[i + 1].lower !== 'to') continue;
    const np = findSubjectAfter(words, i + 1, to);
    if (!np) continue;
    const r = resolvePhrase(ctx, np.from, np.to);
    if (r.speaker) return { ...r, cue: 'according to', outlet: null };
  }
  return null;
}

/**
 * The speaker named by the clause [from, openW) that introduces a quotation,
 * or null: `according to X`, an inverted verb first (`Said X:`), a name alone
 * before a colon, or the first verb's subject that resolves to someone.
 */
export function findIntroducer(ctx: Context, from: number, openW: number): Attribution | null {
  const { words } = ctx;
  if (openW - from < 1) return null;
  const according = accordingTo(ctx, from, openW);
  if (according) return according;
  const first = words[from];
  if (isVerb(first.pos) && !first.quoted) {
    const np = findSubjectAfter(words, from, openW);
    if (np) {
      const r = resolvePhrase(ctx, np.from, np.to);
      if (r.speaker) return { ...r, cue: first.text, outlet: null };
    }
  }
  const last = words[openW - 1];
  if (last.text === ':' || last.text === '-' || last.text === '—') {
    const runs = findRunsIn(ctx, from, openW - 1);
    const run = runs[runs.length - 1];
    // a name that is no object of a preposition (`on CNN:` names no speaker)
    if (
      run &&
      run.to === openW - 1 &&
      run.kind !== 'other' &&
      (run.from === from || words[run.from - 1].pos !== 'ADP')
    ) {
      const r = resolvePhrase(ctx, run.from, run.to);
      if (r.speaker) return { ...r, cue: null, outlet: null };
    }
  }
  for (let i = from + 1; i < openW; i += 1) {
    const w = words[i];
    if (!isVerb(w.pos) || w.quoted) continue;
    const np = findSubjectBefore(words, i, from);
    if (!np || np === 'coordinated') continue;
    // the object of a preposition is no subject: `Later on Sunday, Carson shared`
    // (`As Vulture put it, “…”` names its subject: `as` opens the clause here)
    if (np.from > from && words[np.from - 1].pos === 'ADP' && words[np.from - 1].lower !== 'as') continue;
    const r = resolvePhrase(ctx, np.from, np.to);
    if (r.speaker) return { ...r, cue: w.text, outlet: null };
  }
  return null;
}

const dashes = new Set(['-', '—', '–', '--']);

/**
 * A name signing a quotation after its closing mark, set off by a dash
 * (`“…” — Sanders.`, `“…” -Michelle Marks, Philadelphia.`): that person.
 */
export function findSignature(ctx: Context, closeW: number): Attribution | null {
  const { words } = ctx;
  if (closeW < 0) return null;
  let at = closeW + 1;
  while (at < words.length && dashes.has(words[at].text) && at - closeW <= 2) at += 1;
  // the dash may open the next paragraph (`“…”` / `- Sanders.`); the name stands with it
  if (at === closeW + 1 || at >= words.length || words[at].paragraph !== words[at - 1].paragraph) return null;
  const runs = findRunsIn(ctx, at, Math.min(words.length, at + 6));
  const run = runs[0];
  if (!run || run.from !== at || run.kind === 'other') return null;
  const after = words[run.to];
  if (after && after.paragraph === words[at].paragraph && after.text !== ',' && after.text !== '.') return null;
  const r = resolvePhrase(ctx, run.from, run.to);
  return r.speaker ? { ...r, cue: null, outlet: null } : null;
}
