import { readFileSync } from 'node:fs';
import { analyzeCorpus } from './src/analysis/index.js';
import { loadVectors } from './src/vectors/load.js';
const lines = readFileSync(process.env.SPLIT ?? '../../shared/dev/polnear/dev.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const seen = new Set<string>();
const arts = lines.filter((d) => !seen.has(d.id) && seen.add(d.id)).slice(0, Number(process.argv[2] ?? 200));
const { output } = analyzeCorpus(arts.map((d: any) => ({ file: d.id, input: { text: d.text, outlet: d.publisher } as any })), loadVectors());
const q = new Map(output.quotes.map((x) => [x.id, x]));
let ctx = 0, alt = 0;
for (const p of output.pairs) {
  if (p.altered.length) alt += 1;
  if (p.altered.some((a) => a.kind === 'context')) { ctx += 1; console.log(JSON.stringify(p.altered.filter(a=>a.kind==='context')), '\n   A:', q.get(p.a)!.text.slice(0,200), '\n   B:', q.get(p.b)!.text.slice(0,200)); }
}
console.log('articles', arts.length, 'pairs', output.pairs.length, 'altered', alt, 'context', ctx);
