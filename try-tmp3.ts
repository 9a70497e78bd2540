import { decidePair, decidePairInContext, prepareQuote } from './src/pairing/index.js';
import { prepareLater, readTable } from './bench/eval/pairing-data.js';
import { loadVectors } from './src/vectors/load.js';
const v = loadVectors();
const t = readTable('misquotes.json');
for (const [name, decide] of [['with the sentence rule', (r: any) => decidePairInContext(prepareQuote(r.a, v), prepareLater(r, v), 'same')], ['decision alone (baseline)', (r: any) => decidePair(prepareQuote(r.a, v), prepareQuote(r.b, v), 'same')]] as const) {
  const d = t.map((r) => ({ r, d: (decide as any)(r) }));
  const mis = d.filter((x) => (x.r.altered ?? []).length > 0);
  const ctx = mis.filter((x) => x.r.kind === 'context');
  const ok = (x: any) => x.d.same && JSON.stringify(x.d.alterations) === JSON.stringify(x.r.altered);
  const faith = d.filter((x) => x.r.kind === 'faithful');
  const fok = (x: any) => x.d.same && x.d.alterations.length === 0;
  const fctx = faith.filter((x) => x.r.later);
  console.log(name, 'rows', t.length, 'misquote recall', mis.filter(ok).length + '/' + mis.length, 'context', ctx.filter(ok).length + '/' + ctx.length, 'faithful', faith.filter(fok).length + '/' + faith.length, 'faithful in a sentence', fctx.filter(fok).length + '/' + fctx.length, 'different claims paired', d.filter((x) => !x.r.same && x.d.same).length);
}
