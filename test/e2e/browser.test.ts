/**
 * The web app in a real browser (Debian's Chromium through playwright-core)
 * against the real server process: what only a browser shows — logging in
 * through the form, uploading a file, keyboard navigation of a comparison,
 * selecting words with the mouse to annotate them, the HTML report, and
 * giving a verdict and downloading it as ClaimReview.
 * Screenshots of every step go to test-artifacts/e2e/.
 *
 * Skipped, not failed, when /usr/bin/chromium is missing (CI installs it in
 * .ci/run); a browser is never downloaded.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
const title = hasChromium
  ? 'the web app in Chromium'
  : `the web app in Chromium — skipped: no browser at ${chromiumPath} (install Debian's chromium package)`;
if (!hasChromium) console.warn(`browser tests skipped: no Chromium at ${chromiumPath} (apt-get install chromium)`);

/** Time limit of every single browser wait. */
const waitMs = 15_000;
const artifacts = join(projectRoot, 'test-artifacts', 'e2e');

/** A retelling in a local paper's style that shares one statement with the first sample (a Newsweek report). */
const retelling = `Militia official repeats call for U.S. troops to leave Iraq

By Dana Whitfield, Lakeshore Ledger

March 22, 2025

BAGHDAD — A senior figure in an Iraqi militia has again demanded that American forces leave the country, days after speaking to a U.S. magazine.

Firas al-Yasser, who sits on the political council of the Nujaba Movement, said: "Trump is obligated to withdraw his forces from Iraq by the end of 2025, and they must abide by their pledges to the Iraqi government."

About 2,500 U.S. troops remain in Iraq. The Pentagon did not reply to a request for comment on Saturday.
`;

// a step is a few bounded waits; the whole suite may be running beside it on two cores
describe.skipIf(!hasChromium)(title, { timeout: 90_000 }, () => {
  let dir = '';
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let base = '';
  let shot = 0;
  /** filled in as the steps run */
  const seen = { importedId: 0, compareA: 0, compareB: 0, annotatedArticle: 0, exact: '', note: '', tag: 'Trimmed' };

  async function screenshot(name: string, of: Page = page): Promise<void> {
    shot += 1;
    await of.screenshot({ path: join(artifacts, `${String(shot).padStart(2, '0')}-${name}.png`), timeout: waitMs });
  }

  beforeAll(async () => {
    // only this run's screenshots in the folder
    rmSync(artifacts, { recursive: true, force: true });
    mkdirSync(artifacts, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'retold-browser-e2e-'));
    server = await startServerProcess({ RETOLD_DB: join(dir, 'retold.sqlite') });
    base = server.url;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
      ],
      timeout: 30_000,
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: base });
    context.setDefaultTimeout(waitMs);
    context.setDefaultNavigationTimeout(waitMs);
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    // each step is bounded so a hung browser cannot keep the run alive
    await Promise.race([browser?.close(), new Promise((r) => setTimeout(r, 10_000))]).catch(() => undefined);
    await server?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('logs in through the login form', async () => {
    expect(server?.adminPassword, 'the first start prints the admin password').toBeTruthy();
    await page.goto('/login');
    await screenshot('login');
    await page.fill('#username', 'admin');
    await page.fill('#password', server!.adminPassword!);
    await Promise.all([
      page.waitForURL((u) => !u.pathname.startsWith('/login')),
      page.click('form.login button[type=submit]'),
    ]);
    expect(await page.locator('body').innerText()).toContain('admin');
    expect(await page.locator('form[action="/logout"]').count()).toBe(1);
  });

  it('imports an uploaded text file and shows its page with the sample it retells', async () => {
    const file = join(dir, 'lakeshore-ledger.txt');
    writeFileSync(file, retelling);
    await page.goto('/articles/new');
    await page.setInputFiles('#files', file);
    await Promise.all([page.waitForURL(/\/articles\/\d+$/), page.click('form.import button[type=submit]')]);
    seen.importedId = Number(new URL(page.url()).pathname.split('/').pop());
    const text = await page.locator('.article-text').innerText();
    expect(text).toContain('Trump is obligated to withdraw his forces from Iraq');
    expect(text).toContain('The Pentagon did not reply');
    // the shared statement pairs it with the Newsweek sample, the first article loaded
    const related = page.locator('.compare-with li a');
    expect(await related.count()).toBeGreaterThanOrEqual(1);
    const hrefs = await related.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(`/compare?a=${seen.importedId}&b=1`);
    await page.locator('.q').first().waitFor({ timeout: waitMs });
    await screenshot('imported-article');
  });

  it('opens the mission example from the first "statements in common" card on the home page', async () => {
    await page.goto('/');
    const card = page.locator('.cards .card.first a');
    expect(await card.innerText()).toMatch(/^\d+ statements in common$/);
    await screenshot('home');
    await Promise.all([page.waitForURL(/\/compare\?a=\d+&b=\d+/), card.click()]);
    const url = new URL(page.url());
    seen.compareA = Number(url.searchParams.get('a'));
    seen.compareB = Number(url.searchParams.get('b'));
    // samples 000 (Newsweek, 20 March) and 001 (afgazad.com, 26 March) are the first two loaded
    expect([seen.compareA, seen.compareB]).toEqual([1, 2]);
    const heads = await page.locator('.side-head').allInnerTexts();
    expect(heads[1]).toContain('Iraq Demands the Withdrawal of U.S. Troops');
    expect(heads[1]).toContain('afgazad.com');
    expect(await page.locator('.pair').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.pair').first().locator('.version-later .version-text').innerText()).not.toBe('');
    await screenshot('comparison');
  });

  it('moves between statements with j and k, and to the partner version with p', async () => {
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    await page.locator('h1').click();
    await page.keyboard.press('j');
    expect(await focused()).toBe('pair-1');
    await page.keyboard.press('j');
    expect(await focused()).toBe('pair-2');
    await page.keyboard.press('k');
    expect(await focused()).toBe('pair-1');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('pair'))).toBe(true);

    // from a statement, p goes to the later version of its earlier one
    await page.keyboard.press('p');
    expect(await focused()).toBe('v1-later');
    expect(await page.locator('#v1-later').getAttribute('class')).toContain('flash');
    await screenshot('partner-flash');
    // and from a version back to its partner
    await page.keyboard.press('p');
    expect(await focused()).toBe('v1-earlier');
    expect(await page.locator('#v1-earlier').getAttribute('class')).toContain('flash');
    // the flash fades by itself
    await page.waitForFunction(() => !document.getElementById('v1-later')?.classList.contains('flash'), undefined, {
      timeout: waitMs,
    });
  });

  it('annotates words selected with a mouse drag in the later version', async () => {
    const holder = page.locator('#v1-later .version-text');
    await holder.scrollIntoViewIfNeeded();
    // the words inside quote marks in the later version (or else its first three words), and where they are on screen
    const target = await holder.evaluate((el) => {
      const nodes: { node: Text; from: number }[] = [];
      let full = '';
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n as Text, from: full.length });
        full += n.textContent ?? '';
      }
      /** the on-screen box of the character at this offset of the holder's text */
      const rectAt = (i: number) => {
        const at = nodes.filter((x) => x.from <= i).pop()!;
        const r = document.createRange();
        r.setStart(at.node, i - at.from);
        r.setEnd(at.node, i - at.from + 1);
        return r.getBoundingClientRect();
      };
      const patterns = [/(?<=[“"])[A-Za-z][^”"]*[A-Za-z](?=[”"])/g, /[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){2}/g];
      for (const re of patterns) {
        for (const m of full.matchAll(re)) {
          const first = rectAt(m.index);
          const last = rectAt(m.index + m[0].length - 1);
          if (Math.abs(first.top - last.top) > 2) continue; // keep the drag on one line
          return {
            words: m[0],
            x1: first.left + 1,
            y1: first.top + first.height / 2,
            x2: last.right - 1,
            y2: last.top + last.height / 2,
          };
        }
      }
      return null;
    });
    expect(target, 'words on one line in the later version').not.toBeNull();
    await page.mouse.move(target!.x1, target!.y1);
    await page.mouse.down();
    await page.mouse.move((target!.x1 + target!.x2) / 2, target!.y1, { steps: 5 });
    await page.mouse.move(target!.x2, target!.y2, { steps: 5 });
    await page.mouse.up();
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(target!.words);
    seen.exact = target!.words;

    const popup = page.locator('form.annotate-popup');
    await popup.waitFor({ state: 'visible', timeout: waitMs });
    expect(await popup.locator('p.muted').innerText()).toBe(`“${seen.exact}”`);
    // tags load after the pop-up opens
    await popup.locator('#annotate-popup-tag optgroup option').first().waitFor({ state: 'attached', timeout: waitMs });
    // type-ahead: a few letters find the tag
    await popup.locator('#annotate-popup-tag-filter').fill('trimm');
    expect(
      await popup.locator('#annotate-popup-tag').evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text),
    ).toBe(seen.tag);
    seen.note = 'Only these words of the quote survive; the threat around them is the outlet paraphrasing.';
    await popup.locator('#annotate-popup-note').fill(seen.note);
    await screenshot('annotate-popup');
    await Promise.all([page.waitForEvent('load', { timeout: waitMs }), popup.locator('button[type=submit]').click()]);
    seen.annotatedArticle = seen.compareB;
  });

  it('shows the annotation made on the comparison page there, under its pair', async () => {
    expect(new URL(page.url()).pathname).toBe('/compare');
    const shown = page.locator('ul.pair-annotations li').filter({ hasText: seen.note });
    await shown.first().waitFor({ state: 'visible', timeout: waitMs });
    expect(await shown.first().locator('mark.ann').innerText()).toContain(seen.exact.slice(0, 40));
    await shown.first().scrollIntoViewIfNeeded();
    await screenshot('comparison-annotation');
  });

  it('lists the annotation on the article page and highlights its words', async () => {
    await page.goto(`/articles/${seen.annotatedArticle}`);
    const item = page.locator('#annotations .annotation-list .annotation').filter({ hasText: seen.note });
    expect(await item.count()).toBe(1);
    expect(await item.locator('.tag').innerText()).toBe(seen.tag);
    expect(await item.locator('q').innerText()).toBe(seen.exact);
    const href = await item.locator('a[href^="/annotations/"]').getAttribute('href');
    const id = Number(href?.split('/').pop());
    expect(id).toBeGreaterThan(0);
    // the highlight may be cut into pieces where it crosses other highlights
    const pieces = page.locator(`.article-text .ann[data-annotation="${id}"]`);
    expect(await pieces.count()).toBeGreaterThanOrEqual(1);
    expect((await pieces.allTextContents()).join('')).toBe(seen.exact);
    // the legend on top and the highlight in view below it
    await page.locator('div.legend').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const box = await page.locator(`#annotation-${id}`).boundingBox();
    expect(box && box.y > 0 && box.y + box.height < 900, 'the highlight is on screen').toBe(true);
    await screenshot('annotated-article');

    await page.goto('/annotations');
    expect(await page.locator('body').innerText()).toContain(seen.note);
  });

  it('downloads the comparison as a self-contained HTML report with the annotation and the diff', async () => {
    await page.goto(`/compare?a=${seen.compareA}&b=${seen.compareB}`);
    // every pair, reviewed or not (by default a report holds the reviewed pairs only)
    const link = page.locator('a[href^="/export?format=html&pairs=all"]').first();
    expect(await link.getAttribute('href')).toContain(`compare=${seen.compareA}%2C${seen.compareB}`);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: waitMs }), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.html$/);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const html = readFileSync(file, 'utf8');

    expect(html).toContain(escapeForHtml(seen.note));
    expect(html).toContain(seen.tag);
    expect(html).toContain(escapeForHtml(seen.exact));
    expect(html).toMatch(/<del>[^<]+<\/del>/);
    expect(html).toMatch(/<ins>[^<]+<\/ins>/);
    // self-contained: no script and nothing loaded from elsewhere
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(
      /<(?:img|link|iframe|source|audio|video|embed|object)\b[^>]*\b(?:src|href|data)\s*=\s*["']?(?:https?:)?\/\//i,
    );
    expect(html).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);

    // opened on its own, the report asks for nothing from the network
    const requests: string[] = [];
    const offline = await page.context().newPage();
    try {
      offline.on('request', (r) => requests.push(r.url()));
      await offline.goto(pathToFileURL(file).href);
      expect(await offline.locator('del').count()).toBeGreaterThan(0);
      // the note and its tag in an annotation entry, beside the words it marks (under each pair whose words it covers)
      const entry = offline.locator('.annotation').filter({ hasText: seen.note });
      expect(await entry.count()).toBeGreaterThanOrEqual(1);
      expect(await entry.first().locator('.tag').allInnerTexts()).toContain(seen.tag);
      expect(await entry.first().innerText()).toContain(seen.exact);
      await screenshot('report', offline);
    } finally {
      await offline.close();
    }
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
  });

  it('gives a verdict under a pair of the comparison and downloads it as ClaimReview', async () => {
    await page.goto(`/compare?a=${seen.compareA}&b=${seen.compareB}`);
    const pair = page.locator('li.pair').first();
    await pair.locator('details.verdict-forms summary').click();
    await pair.locator('select[name="rating"]').selectOption('misleading');
    await pair
      .locator('textarea[name="rationale"]')
      .fill('The later version puts words of its own inside the quote marks.');
    await Promise.all([page.waitForURL(/#pair-1$/), pair.locator('form.verdict-form button[type=submit]').click()]);
    const panel = page.locator('li.pair').first().locator('section.verdict');
    expect(await panel.getAttribute('data-state')).toBe('verdict-given');
    expect(await panel.innerText()).toContain('Misleading');
    await panel.scrollIntoViewIfNeeded();
    await screenshot('verdict');
    await page.goto('/verdicts');
    expect(await page.locator('table.verdicts tbody tr').count()).toBe(1);
    await screenshot('verdicts-queue');

    await page.goto(`/compare?a=${seen.compareA}&b=${seen.compareB}`);
    const link = page.locator('a[href^="/export?format=claimreview"]').first();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: waitMs }), link.click()]);
    expect(download.suggestedFilename()).toMatch(/-claimreview\.jsonld$/);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const reviews = JSON.parse(readFileSync(file, 'utf8')) as {
      '@type': string;
      reviewRating: { alternateName: string };
      claimReviewed: string;
      url: string;
    }[];
    expect(reviews).toHaveLength(1);
    expect(reviews[0]['@type']).toBe('ClaimReview');
    expect(reviews[0].reviewRating.alternateName).toBe('Misleading');
    expect(reviews[0].claimReviewed.length).toBeGreaterThan(0);
    expect(reviews[0].url).toMatch(/\/verdicts\/\d+$/);
  });

  it('replaces an article’s text and shows what changed between the two versions', async () => {
    await page.goto(`/articles/${seen.importedId}/edit`);
    await page.fill('#new-text', retelling.replace('About 2,500 U.S. troops', 'About 2,000 U.S. troops'));
    await Promise.all([
      page.waitForURL(new RegExp(`/articles/${seen.importedId}/versions$`)),
      page.click('form[action$="/text"] button[type=submit]'),
    ]);
    const diff = page.locator('.version-diff');
    expect(await diff.locator('del').allInnerTexts()).toContain('2,500');
    expect(await diff.locator('ins').allInnerTexts()).toContain('2,000');
    expect(await page.locator('table.versions tbody tr').count()).toBe(2);
    await screenshot('version-diff');
    await page.click('a[href$="/versions/1"]');
    expect(await page.locator('.article-text').innerText()).toContain('About 2,500 U.S. troops');
    await screenshot('old-version');
    await page.goto(`/articles/${seen.importedId}`);
    expect(await page.locator('.archive-link, a[href$="/versions"]').count()).toBeGreaterThanOrEqual(1);
  });

  it('finds a quote by another spelling of its speaker’s name', async () => {
    await page.goto('/search?q=Yasir');
    const quotes = page.locator('#found-quotes ol.hits li');
    expect(await quotes.count()).toBeGreaterThanOrEqual(1);
    expect(await quotes.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/Yasser/)]));
    await screenshot('search-alias');
  });

  it('adds a reviewer account from the accounts page, its password shown once', async () => {
    await page.goto('/accounts');
    await page.fill('#new-username', 'rania');
    await page.locator('#new-role').selectOption('reviewer');
    await Promise.all([page.waitForEvent('load', { timeout: waitMs }), page.click('form[action="/accounts"] button')]);
    expect((await page.locator('code.password').innerText()).length).toBeGreaterThanOrEqual(10);
    const row = page.locator('table.accounts tr').filter({ hasText: 'rania' });
    expect(await row.count()).toBe(1);
    expect(await row.locator('select[name="role"]').inputValue()).toBe('reviewer');
    await screenshot('accounts');
  });

  it('builds a report: the pair with a verdict ticked, one more chosen, a summary written, saved and downloaded', async () => {
    await page.goto(`/compare?a=${seen.compareA}&b=${seen.compareB}`);
    await Promise.all([page.waitForURL(/\/reports\/new\?/), page.locator('a.build-report').click()]);
    const boxes = page.locator('table.builder-pairs input[name="pair"]');
    expect(await boxes.count()).toBeGreaterThan(1);
    // the pair given a verdict is reviewed, so it is ticked; the others are not
    const ticked = await boxes.evaluateAll((bs) => bs.filter((b) => (b as HTMLInputElement).checked).length);
    expect(ticked).toBe(1);
    const unticked = page.locator('table.builder-pairs input[name="pair"]:not(:checked)').first();
    const extra = await unticked.getAttribute('value');
    await unticked.check();
    await page.fill('#r-title', 'The mission statement, retold');
    await page.fill(
      '#r-summary',
      'Two retellings of the **same** interview.\n\nOne moved words inside the quote marks.',
    );
    await page.fill('#r-conclusion', 'Misleading, as the verdict says.');
    await page.locator('table.builder-pairs').scrollIntoViewIfNeeded();
    await screenshot('report-builder');
    await Promise.all([
      page.waitForURL(/\/reports\/\d+$/),
      page.locator('form.report-builder button[type=submit]').click(),
    ]);
    expect(await page.locator('h1').innerText()).toBe('The mission statement, retold');
    expect(await page.locator(`input[name="pair"][value="${extra}"]`).isChecked()).toBe(true);
    await screenshot('saved-report');

    const link = page.locator('a[href$="/export?format=html"]').first();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: waitMs }), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^retold-report-\d+\.html$/);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<title>The mission statement, retold</title>');
    expect(html).toContain('<p>Two retellings of the <strong>same</strong> interview.</p><p>One moved words');
    expect(html.match(/<h3>Statement /g)).toHaveLength(2);
    expect(html).toContain('<strong>Verdict: Misleading</strong>');
    expect(html).toContain('<h2>Conclusion</h2>');
    expect(html).not.toMatch(/<script\b/i);
  });
});

/** The escaping the report uses for text (the note and the words are plain text in it). */
function escapeForHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
