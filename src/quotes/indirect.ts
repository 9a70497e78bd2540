/**
 * quotes/indirect: reported speech at cue verbs — the clause after `said
 * (that)` or before `, X said.` — outside the quotations between marks.
 */
import { attributeAt, findRunsIn, findSubjectBefore, isCue, isSentenceEnd, type Context } from './attribution.js';
import type { Quote } from './quote.js';
import type { Word } from './words.js';

/** Indirect speech at cue verbs: the reported clause after `said (that)` or before `, X said.` */
export function findIndirect(ctx: Context, covered: (from: number, to: number) => boolean): Quote[] {
  const { words, text } = ctx;
  const out: Quote[] = [];
  for (let v = 0; v < words.length; v += 1) {
    if (!isCue(words[v], true)) continue;
    const para = words[v].paragraph;
    let s = v;
    while (s > 0 && v - s < 60 && words[s - 1].paragraph === para && !isSentenceEnd(words[s - 1])) s -= 1;
    let e = v + 1;
    while (e < words.length && e - v < 80 && words[e].paragraph === para && !isSentenceEnd(words[e])) e += 1;
    const np = findSubjectBefore(words, v, s);
    if (np === 'coordinated') continue;
    let attribution = attributeAt(ctx, v, s, e, false);
    if (!attribution || !attribution.speaker) continue;
    let c = v + 1;
    while (c < e && words[c].pos === 'ADV' && words[c].lower !== 'that') c += 1;
    if (words[v].lemma === 'tell' || attribution.outlet) {
      const runs = findRunsIn(ctx, c, Math.min(e, c + 5));
      if (runs.length > 0 && runs[0].from === c) c = runs[0].to;
      else if (words[c] && (words[c].pos === 'PRON' || words[c].pos === 'NOUN')) c += 1;
    }
    let clause: { from: number; to: number } | null = null;
    if (words[c]?.lower === 'that' && c + 3 <= e) clause = { from: c + 1, to: e };
    else if (startsClause(words, c, e)) clause = { from: c, to: e };
    else if (e - c <= 4 && words[s] && np && np !== null) {
      // "..., the Iraqi prime minister announced March 14."
      const comma = np.from - 1;
      if (words[comma]?.text === ',' && comma - s >= 3 && !words.slice(c, e).some((w) => w.pos === 'VERB'))
        clause = { from: s, to: comma };
    }
    if (!clause || clause.to - clause.from < 3) continue;
    const start = words[clause.from].start;
    const end = words[clause.to - 1].end;
    if (covered(start, end)) continue;
    attribution = { ...attribution };
    out.push({
      start,
      end,
      text: text.slice(start, end),
      kind: 'indirect',
      speaker: attribution.speaker,
      cue: attribution.cue,
      outlet: attribution.outlet,
      speakerMention: attribution.mention,
      group: -1,
    });
    v = e;
  }
  return out;
}

/** True when words from c look like the start of a finite clause (`the Nujaba Movement was prepared`). */
function startsClause(words: Word[], c: number, e: number): boolean {
  const w = words[c];
  if (!w || c >= e) return false;
  if (!(
    w.pos === 'DET' ||
    w.pos === 'PROPN' ||
    w.pos === 'PRON' ||
    w.pos === 'NOUN' ||
    w.pos === 'ADJ' ||
    w.pos === 'NUM'
  ))
    return false;
  if (w.pos === 'PRON' && !['he', 'she', 'it', 'they', 'we', 'i', 'you', 'there'].includes(w.lower)) return false;
  for (let i = c; i < e && i - c < 10; i += 1) {
    const x = words[i];
    if (x.pos === 'AUX' || (x.pos === 'VERB' && i > c)) return true;
    if (
      x.pos === 'DET' ||
      x.pos === 'PROPN' ||
      x.pos === 'PRON' ||
      x.pos === 'NOUN' ||
      x.pos === 'ADJ' ||
      x.pos === 'NUM' ||
      x.lower === 'of' ||
      x.lower === "'s" ||
      x.lower === '’s' ||
      x.text === '-'
    )
      continue;
    return false;
  }
  return false;
}
