/**
 * `npm run eval`: score the pipeline on the sample corpus against
 * ../shared/gold/seed-gold.json, print the figures, exit 1 when a floor breaks.
 * Each area adds a section in bench/eval/<area>.ts.
 */
import { loadEvalContext, goldPath } from './eval/corpus.js';
import { evaluationSections } from './eval/sections.js';

const ctx = loadEvalContext();
if (!ctx) {
  console.log(`eval: skipped — reference annotations not found at ${goldPath}`);
  process.exit(0);
}
let failed = false;
for (const section of evaluationSections) {
  const result = section.run(ctx);
  console.log(`\n## ${section.name}`);
  for (const line of result.lines) console.log(line);
  for (const f of result.failures) {
    console.log(`FLOOR BROKEN: ${f}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
