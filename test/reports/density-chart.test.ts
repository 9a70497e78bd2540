import { describe, expect, it } from 'vitest';
import { EDITORIAL_CATEGORIES, measureDensity } from '../../src/editorial/index.js';
import { densityScale, formatDensity, renderDensityChart } from '../../src/reports/density-chart.js';

const spans = (list: [string, 'writer' | 'quoted'][]) => list.map(([category, voice]) => ({ category, voice }));

/** The value labels of one category's row, in order (writer, quoted). */
function rowValues(svg: string, category: string): string[] {
  const row = new RegExp(`<g class="row" data-category="${category}">(.*?)</g>`).exec(svg)?.[1] ?? '';
  return [...row.matchAll(/<text class="bar-value"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}

describe('renderDensityChart', () => {
  it('draws two charts on one common scale: equal densities, equal lengths', () => {
    const high = measureDensity(
      spans([
        ['doubt', 'writer'],
        ['doubt', 'writer'],
        ['doubt', 'writer'],
      ]),
      100,
    );
    const low = measureDensity(spans([['doubt', 'writer']]), 100);
    const widthOf = (svg: string) => Number(/<rect class="bar bar-writer"[^>]* width="([\d.]+)"/.exec(svg)![1]);
    const max = densityScale([high, low]);
    expect(max).toBe(30);
    const [a, b] = [high, low].map((d) => renderDensityChart(d, { max }));
    expect(widthOf(a) / widthOf(b)).toBeCloseTo(3, 1);
    // each on its own scale the two bars would be drawn the same length (the old fault)
    expect(widthOf(renderDensityChart(high))).toBeCloseTo(widthOf(renderDensityChart(low)), 5);
  });

  it('writes every text at 12 px or more, and no legend swatch over a legend text', () => {
    const svg = renderDensityChart(measureDensity(spans([['doubt', 'writer']]), 100));
    const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    const legend = /<g class="legend"[^>]*>(.*?)<\/g>/.exec(svg)![1];
    const swatches = [...legend.matchAll(/<rect x="([\d.]+)"/g)].map((m) => Number(m[1]));
    const texts = [...legend.matchAll(/<text x="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
      x: Number(m[1]),
      length: m[2].replace(/&#39;/g, "'").length,
    }));
    // a text of n characters at 12 px is at most about 0.6 em a character wide
    expect(swatches[1]).toBeGreaterThan(texts[0].x + texts[0].length * 12 * 0.6);
  });

  it('draws one labelled row per category in taxonomy order', () => {
    const svg = renderDensityChart(measureDensity([], 100));
    const rows = [...svg.matchAll(/<g class="row" data-category="([^"]+)">/g)].map((m) => m[1]);
    expect(rows).toEqual(EDITORIAL_CATEGORIES.map((c) => c.id));
    for (const c of EDITORIAL_CATEGORIES) expect(svg).toContain(`>${c.name}</text>`);
  });

  it.each([
    // spans, words, category, writer label, quoted label
    [
      [
        ['loaded-term', 'writer'],
        ['loaded-term', 'writer'],
        ['loaded-term', 'quoted'],
      ],
      500,
      'loaded-term',
      'writer 4.0',
      'quoted 2.0',
    ],
    [[['doubt', 'quoted']], 3000, 'doubt', 'writer 0.0', 'quoted 0.3'],
    [[['puffery', 'writer']], 700, 'puffery', 'writer 1.4', 'quoted 0.0'],
  ] as const)(
    'prints the values of %j over %i words beside the bars of %s',
    (list, words, category, writer, quoted) => {
      const svg = renderDensityChart(
        measureDensity(spans(list.map((x) => [...x]) as [string, 'writer' | 'quoted'][]), words),
      );
      expect(rowValues(svg, category)).toEqual([writer, quoted]);
    },
  );

  it('tells the voices apart by pattern and by label, not by colour alone', () => {
    const svg = renderDensityChart(
      measureDensity(
        spans([
          ['intensifier', 'writer'],
          ['intensifier', 'quoted'],
        ]),
        1000,
      ),
    );
    expect(svg).toMatch(/<rect class="bar bar-writer"[^>]*fill="url\(#density-writer\)"/);
    expect(svg).toMatch(/<rect class="bar bar-quoted"[^>]*fill="url\(#density-quoted\)"/);
    expect(svg).toMatch(/<pattern id="density-writer"[^>]*><rect[^>]*\/><line/);
    expect(svg).toMatch(/<pattern id="density-quoted"[^>]*><rect[^>]*\/><circle/);
    expect(svg).toContain("writer's words (hatched)");
    expect(svg).toContain('quoted (dotted)');
  });

  it('is an image with a title and a description that state the figures in words', () => {
    const svg = renderDensityChart(
      measureDensity(
        spans([
          ['doubt', 'writer'],
          ['scare-quotes', 'writer'],
        ]),
        400,
      ),
      { title: 'Daily Opinion' },
    );
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="density-title density-desc"/);
    expect(svg).toContain('<title id="density-title">Daily Opinion</title>');
    const desc = /<desc id="density-desc">([^<]*)<\/desc>/.exec(svg)?.[1];
    expect(desc).toContain('5.0 in all, 5.0 in the writer&#39;s words and 0.0 inside quotations');
    expect(desc).toContain('Expression of doubt: writer 2.5, quoted 0.0');
    expect(desc).not.toContain('Puffery');
  });

  it('says so when no category is used, and draws no bars', () => {
    const svg = renderDensityChart(measureDensity([], 250));
    expect(svg).toContain('No category is used.');
    expect(svg).not.toContain('<rect class="bar');
  });

  it('makes the longest bar as wide for any scale and the others in proportion', () => {
    const svg = renderDensityChart(
      measureDensity(
        spans([
          ['doubt', 'writer'],
          ['doubt', 'writer'],
          ['doubt', 'writer'],
          ['doubt', 'writer'],
          ['puffery', 'quoted'],
        ]),
        100,
      ),
    );
    const widths = [...svg.matchAll(/<rect class="bar [^"]*"[^>]* width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[0] / widths[1]).toBeCloseTo(4, 1);
  });

  it('escapes the title, unknown category names and the id prefix', () => {
    const density = measureDensity(spans([['<script>x</script>', 'writer']]), 100);
    const svg = renderDensityChart(density, { title: 'A & B <i>', idPrefix: 'left" onload="x' });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<i>');
    expect(svg).toContain('A &amp; B &lt;i&gt;');
    expect(svg).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(svg).not.toMatch(/onload="/);
    expect(svg).toContain('id="left--onload--x-writer"');
  });

  it('gives two charts on one page different ids', () => {
    const d = measureDensity(spans([['doubt', 'writer']]), 100);
    const a = renderDensityChart(d, { idPrefix: 'left' });
    const b = renderDensityChart(d, { idPrefix: 'right' });
    const ids = (svg: string) => [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(a).filter((x) => ids(b).includes(x))).toEqual([]);
  });

  it.each([
    [0, '0.0'],
    [0.04, '0.0'],
    [0.05, '0.1'],
    [12.345, '12.3'],
  ])('formats %d as %s', (value, text) => {
    expect(formatDensity(value)).toBe(text);
  });

  it('refuses something that is not a density', () => {
    expect(() => renderDensityChart({} as never)).toThrow(/density-chart:/);
  });
});
