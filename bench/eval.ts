/**
 * `npm run eval`: score the pipeline on the sample corpus against
 * ../shared/gold/seed-gold.json, quotes and speakers on PolNeAR
 * (../shared/dev/polnear), and editorial detection on MBIC
 * (../shared/dev/mbic), and the pairing decision on msrp/train and our
 * pair tables (../shared/dev/msrp); print the figures, exit 1 when a floor breaks.
 * Each area adds a section in bench/eval/<area>.ts; each source of reference
 * data is skipped with a message when absent.
 * `npm run eval -- --misses FILE` writes the PolNeAR train misses to FILE.
 */
import { writeFileSync } from 'node:fs';
import { loadEvalContext, goldPath } from './eval/corpus.js';
import { mbicPath, prepareMbic, reportMbic, scoreMbic, writeMbicMisses } from './eval/mbic.js';
import { polnearDir, runPolnearSection } from './eval/polnear.js';
import { evaluationSections } from './eval/sections.js';
import { reportPairing, scorePairing } from './eval/pairing.js';
import { msrpPath } from './eval/pairing-data.js';

let failed = false;
const report = (name: string, result: { lines: string[]; failures: string[] }): void => {
  console.log(`\n## ${name}`);
  for (const line of result.lines) console.log(line);
  for (const f of result.failures) {
    console.log(`FLOOR BROKEN: ${f}`);
    failed = true;
  }
};

const ctx = loadEvalContext();
if (!ctx) console.log(`eval: sample-corpus sections skipped — reference annotations not found at ${goldPath}`);
else for (const section of evaluationSections) report(section.name, section.run(ctx));

const misses = process.argv.indexOf('--misses');
const polnear = runPolnearSection();
if (!polnear) console.log(`\neval: PolNeAR section skipped — ${polnearDir} not found`);
else {
  report('Quotes and speakers on PolNeAR (dev held out, train apart)', polnear);
  if (misses > 0 && process.argv[misses + 1]) writeFileSync(process.argv[misses + 1], polnear.misses.join('\n') + '\n');
}

const mbic = scoreMbic();
if (!mbic) console.log(`\neval: MBIC section skipped — ${mbicPath} not found`);
else {
  const result = reportMbic(mbic);
  result.lines.push(`misses of the rules alone written to ${writeMbicMisses(prepareMbic()!)}`);
  report('Editorial language on MBIC', result);
}
const pairing = scorePairing();
if (!pairing) console.log(`\neval: pairing section skipped — ${msrpPath} not found`);
else report('Pairing decision on msrp/train and our pair tables', reportPairing(pairing));
process.exit(failed ? 1 : 0);
