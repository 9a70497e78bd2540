/** Form fields as parsed on every path that reads them (web forms, export queries, CLI options). */

/** An empty form field as not given (for z.preprocess): a form sends every field, filled in or not. */
export const blank = (v: unknown): unknown => (v === '' ? undefined : v);
