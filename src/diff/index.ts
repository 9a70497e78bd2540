/**
 * diff: word-level diffs of two versions of a statement, their HTML rendering,
 * and a typed list of what changed between them. Pure.
 */
export {
  diffVersions,
  diffUnits,
  splitDiffUnits,
  normalizeUnitKey,
  type DiffPart,
  type DiffUnit,
} from './word-diff.js';
export { renderDiff, renderQuoteInContext, escapeHtml, type QuoteInContext, type RenderMode } from './render-diff.js';
export { alignParagraphs, type AlignedRow } from './align-paragraphs.js';
export { addLoadedInsideQuote, findLoadedInsideQuote, type ComparedChange } from './loaded-inside-quote.js';
export {
  summarizeChanges,
  isDefaultLoaded,
  type VersionContext,
  type ChangeType,
  type Change,
  type SummarizeOptions,
  type ChangeSummary,
} from './summarize-changes.js';
