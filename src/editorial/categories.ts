/**
 * The editorial taxonomy: the ten categories a span can carry, with the
 * one-line definitions users read in the app (data/editorial-categories.json).
 */
import categories from '../../data/editorial-categories.json' with { type: 'json' };

/** The category ids, in the order the app lists them. */
export const EDITORIAL_CATEGORY_IDS = [
  'loaded-term',
  'loaded-label',
  'intensifier',
  'attribution-verb',
  'doubt',
  'scare-quotes',
  'editorial-comment',
  'rhetorical-question',
  'generalization',
  'puffery',
] as const;

/** One of the ten editorial categories. */
export type EditorialCategoryId = (typeof EDITORIAL_CATEGORY_IDS)[number];

/** A category as shown to users: id, display name and a one-line definition. */
export interface EditorialCategory {
  id: EditorialCategoryId;
  name: string;
  definition: string;
}

/** True when `value` is one of the ten category ids. */
export function isEditorialCategory(value: string): value is EditorialCategoryId {
  return (EDITORIAL_CATEGORY_IDS as readonly string[]).includes(value);
}

// The data file is edited by hand, so check it once at load: a typo in an id
// would otherwise surface as a category the app cannot explain.
function checkCategories(rows: { id: string; name: string; definition: string }[]): EditorialCategory[] {
  const ids = rows.map((r) => r.id);
  const missing = EDITORIAL_CATEGORY_IDS.filter((id) => !ids.includes(id));
  const unknown = ids.filter((id) => !isEditorialCategory(id));
  if (missing.length || unknown.length || ids.length !== EDITORIAL_CATEGORY_IDS.length) {
    throw new Error(
      `editorial: data/editorial-categories.json does not list the ten categories (missing ${JSON.stringify(missing)}, unknown ${JSON.stringify(unknown)})`,
    );
  }
  return EDITORIAL_CATEGORY_IDS.map((id) => {
    const row = rows.find((r) => r.id === id)!;
    return { id, name: row.name, definition: row.definition };
  });
}

/** The ten categories with their user-facing definitions. */
export const EDITORIAL_CATEGORIES: readonly EditorialCategory[] = Object.freeze(checkCategories(categories));
