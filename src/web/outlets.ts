/** Outlets: profiles of how each outlet retells others and how it writes, as pages and JSON. */
import { getOutletProfile, listOutletProfiles } from '../corpus/outlets.js';
import type { OutletProfile } from '../reports/model.js';
import { renderBarChart } from '../reports/charts.js';
import { renderDensityChart } from '../reports/density-chart.js';
import { sendError } from './errors.js';
import type { Handler } from './request.js';

/** GET /outlets — every outlet with its figures and a fidelity chart. */
export const outletsPage: Handler = ({ db }, _req, res) => {
  const profiles = listOutletProfiles(db);
  const chart = renderBarChart(
    profiles
      .filter((p) => p.meanFidelity !== null)
      .map((p) => ({
        label: p.outlet,
        value: p.meanFidelity!,
        text: `${Math.round(p.meanFidelity! * 100)}% of ${p.retold}`,
      })),
    { title: 'Mean fidelity of statements first reported elsewhere', max: 1, idPrefix: 'fidelity' },
  );
  res.render('outlets/list', { title: 'Outlets', profiles, chart });
};

/** GET /api/outlets */
export const apiOutlets: Handler = ({ db }, _req, res) => {
  res.json({ outlets: listOutletProfiles(db) });
};

/** An outlet page's charts: editorial density, reviewer tags, and how faithfully it retells others. */
function viewOutletCharts(profile: OutletProfile) {
  const density = renderDensityChart(profile.density, {
    idPrefix: 'outlet-density',
    title: `Editorial language per 1,000 words: ${profile.outlet}`,
  });
  const tags = renderBarChart(
    profile.topTags.map((t) => ({ label: t.label, value: t.count, text: String(t.count) })),
    { title: `Most frequent reviewer tags on ${profile.outlet}`, idPrefix: 'outlet-tags' },
  );
  const quoted = renderBarChart(
    [
      {
        label: 'Mean fidelity',
        value: profile.meanFidelity ?? 0,
        text: profile.meanFidelity === null ? 'none retold' : `${Math.round(profile.meanFidelity * 100)}%`,
      },
      {
        label: 'Rewordings in quote marks',
        value: profile.looseQuotedShare ?? 0,
        text:
          profile.looseQuotedShare === null
            ? 'none'
            : `${Math.round(profile.looseQuotedShare * 100)}% (${profile.looseInQuoteMarks} of ${profile.looseVersions})`,
      },
    ],
    { title: `How ${profile.outlet} retells statements first reported elsewhere`, max: 1, idPrefix: 'outlet-fidelity' },
  );
  return { density, tags, quoted };
}

/** GET /outlets/:name — one outlet's profile with charts and downloads. */
export const outletPage: Handler = ({ db }, req, res) => {
  const profile = getOutletProfile(db, String(req.params.name));
  if (!profile) return sendError(req, res, 404, `No article names the outlet ${String(req.params.name)}.`);
  res.render('outlets/show', { title: `Outlet: ${profile.outlet}`, profile, charts: viewOutletCharts(profile) });
};

/** GET /api/outlets/:name */
export const apiOutlet: Handler = ({ db }, req, res) => {
  const profile = getOutletProfile(db, String(req.params.name));
  if (!profile) return void res.status(404).json({ error: `No article names the outlet ${String(req.params.name)}.` });
  res.json(profile);
};
