/** The list of evaluation sections, in the order they print. */
import type { EvalContext } from './corpus.js';
import { editorialSection } from './editorial.js';
import { metadataSection } from './metadata.js';
import { pairsSection } from './pairs.js';
import { quotesSection } from './quotes.js';

/** One area's evaluation: printable lines and any broken quality floors. */
export interface EvalSection {
  name: string;
  run(ctx: EvalContext): { lines: string[]; failures: string[] };
}

export const evaluationSections: EvalSection[] = [metadataSection, quotesSection, editorialSection, pairsSection];
