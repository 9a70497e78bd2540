import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDITORIAL_CATEGORY_IDS } from '../../src/editorial/index.js';
import { projectRoot } from '../../src/paths.js';

/** Run `retold tag` as a user would, with stdin given. */
function tag(args: string[], input: string) {
  const db = join(mkdtempSync(join(tmpdir(), 'retold-tag-')), 'r.sqlite');
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'tag', ...args], {
    cwd: projectRoot,
    input,
    env: { ...process.env, RETOLD_DB: db },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lines = (s: string) =>
  s
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

// a tabloid paragraph and a wire paragraph: loaded words in both voices, then none
const TABLOID =
  'The brazen regime has, of course, trampled on its promises. "We will crush the traitors," the minister said.';
const WIRE = 'The ministry said on Tuesday that talks would resume next week in Geneva.';

describe('retold tag --jsonl', () => {
  it('writes one line of spans per input line, in order, with offsets into the given text', () => {
    const input = [
      { id: 'tabloid', text: TABLOID },
      { id: 7, text: WIRE },
    ]
      .map((x) => JSON.stringify(x))
      .join('\n');
    const r = tag(['--jsonl'], `${input}\n`);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = lines(r.stdout);
    expect(out.map((o) => o.id)).toEqual(['tabloid', 7]);
    expect(out[0].spans.length).toBeGreaterThan(1);
    for (const s of out[0].spans) {
      expect(Object.keys(s)).toEqual(['start', 'end', 'text', 'category', 'voice', 'confidence']);
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
      expect(TABLOID.slice(s.start, s.end)).toBe(s.text);
      expect(EDITORIAL_CATEGORY_IDS).toContain(s.category);
    }
    const voices = new Map(out[0].spans.map((s: { text: string; voice: string }) => [s.text, s.voice]));
    expect(voices.get('brazen')).toBe('writer');
    expect(voices.get('traitors')).toBe('quoted');
    expect(out[1].spans).toEqual([]);
    // one bias score per sentence, the loaded paragraph above the wire one
    expect(out[0].sentences.length).toBe(2);
    for (const o of out) for (const x of o.sentences) expect(Object.keys(x)).toEqual(['start', 'end', 'bias']);
    expect(out[1].sentences).toHaveLength(1);
    expect(Math.max(...out[0].sentences.map((x: { bias: number }) => x.bias))).toBeGreaterThan(
      out[1].sentences[0].bias,
    );
  });

  it.each([
    ['not JSON', 'this is not json'],
    ['no text', '{"id":"x"}'],
    ['text of the wrong type', '{"id":"x","text":42}'],
  ])('reports a line with %s on stderr by its number, goes on, and exits 1', (_what, bad) => {
    const r = tag(
      ['--jsonl'],
      [JSON.stringify({ id: 1, text: WIRE }), bad, '', JSON.stringify({ id: 3, text: TABLOID })].join('\n'),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^line 2: /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(lines(r.stdout).map((o) => o.id)).toEqual([1, 3]);
  });

  it('is a usage error without --jsonl', () => {
    const r = tag([], '');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tag: only --jsonl');
  });
});
