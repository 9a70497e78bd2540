/** Outlet profiles: how each outlet retells others and how editorial its own writing is. */
import type { Db } from '../db.js';
import { nameKey } from '../ingest/fields.js';
import { measureDensity, type EditorialDensity } from '../editorial/index.js';
import type { ArticleRow } from '../store/articles.js';
import { selectAnnotations } from '../store/annotations.js';
import { listEditorialSpans } from '../store/editorial.js';
import { listArticleIdsOfOutlet, listOutletNames, listPairedArticlePairs } from '../store/reports.js';
import { tallyTags } from '../reports/tally.js';
import type { OutletProfile } from '../reports/model.js';
import { cacheArticles } from './article-cache.js';
import { compareArticles } from './comparison.js';
import { orderArticlePair } from './references.js';

/** An article's editorial density from its stored spans, and those spans. */
export function measureStoredDensity(
  db: Db,
  article: Pick<ArticleRow, 'id' | 'wordCount'>,
): { density: EditorialDensity; spans: { category: string; voice: string }[] } {
  // a dismissed suggestion was judged not editorial, so it does not count
  const spans = listEditorialSpans(db, article.id).filter((s) => s.status !== 'dismissed');
  return { density: measureDensity(spans, article.wordCount), spans };
}

/** Profiles of every named outlet, by name. */
export function listOutletProfiles(db: Db): OutletProfile[] {
  return buildProfiles(
    db,
    listOutletNames(db).map((o) => o.outlet),
  );
}

/** One outlet's profile (names compare without case), or undefined when no article names it. */
export function getOutletProfile(db: Db, outlet: string): OutletProfile | undefined {
  const known = listOutletNames(db).find((o) => nameKey(o.outlet) === nameKey(outlet));
  return known ? buildProfiles(db, [known.outlet])[0] : undefined;
}

function buildProfiles(db: Db, outlets: string[]): OutletProfile[] {
  if (outlets.length === 0) return [];
  const key = (s: string | null) => nameKey(s ?? '');
  const wanted = new Set(outlets.map(key));
  const article = cacheArticles(db);
  const retold = new Map<string, { fidelity: number[]; loose: number; looseQuoted: number }>(
    outlets.map((o) => [key(o), { fidelity: [], loose: 0, looseQuoted: 0 }]),
  );
  for (const { articleA, articleB } of listPairedArticlePairs(db)) {
    const a = article(articleA);
    const b = article(articleB);
    if (!a || !b || key(a.outlet) === key(b.outlet)) continue;
    // the other article retells the reference (compareArticles orders them the same way); an undated
    // article with no marked or primary reference cannot be placed, so its pairs say nothing of fidelity
    const order = orderArticlePair(db, a, b);
    if (order.orderUnknown || !wanted.has(key(order.later.outlet))) continue;
    const c = compareArticles(db, a.id, b.id);
    if (!c) continue;
    const slot = retold.get(key(c.later.outlet));
    if (!slot) continue;
    for (const p of c.pairs) {
      slot.fidelity.push(p.fidelity);
      if (p.pair.relation === 'paraphrase' || p.pair.relation === 'gist') {
        slot.loose += 1;
        if (p.later.quote.kind === 'full' || p.later.quote.kind === 'partial') slot.looseQuoted += 1;
      }
    }
  }
  const annotations = selectAnnotations(db, { limit: 10_000 });
  return outlets.map((outlet) => {
    const ids = listArticleIdsOfOutlet(db, outlet);
    const rows = ids.map((id) => article(id)!).filter(Boolean);
    const words = rows.reduce((n, a) => n + a.wordCount, 0);
    const spans = rows.flatMap((a) => measureStoredDensity(db, a).spans);
    const r = retold.get(key(outlet))!;
    const mean = r.fidelity.length ? r.fidelity.reduce((x, y) => x + y, 0) / r.fidelity.length : null;
    return {
      outlet,
      articles: rows.length,
      words,
      retold: r.fidelity.length,
      meanFidelity: mean,
      looseVersions: r.loose,
      looseInQuoteMarks: r.looseQuoted,
      looseQuotedShare: r.loose ? r.looseQuoted / r.loose : null,
      density: measureDensity(spans, words),
      topTags: tallyTags(annotations.filter((an) => key(an.articleOutlet) === key(outlet))).slice(0, 10),
    };
  });
}
