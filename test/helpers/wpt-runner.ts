/**
 * Runs the W3C Web Annotation conformance assertions from web-platform-tests
 * (../shared/conformance/wpt-annotation-model, see its README.md) against a
 * JSON value, with Ajv (draft-04) and ajv-formats. Semantics follow wpt's
 * scripts/JSONtest.js: an assertion passes when the validation outcome equals
 * its `expectedResult` ("valid" by default); an unexpected outcome always
 * fails, and the suffix of `onUnexpectedResult` decides what follows at that
 * list level (Continue, Skip the rest, Abort everything); failures whose
 * `assertionType` is listed in the test's `skipFailures` are suppressed;
 * condition objects ({compareWith: and|or, assertions}) run one level down.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { projectRoot } from '../../src/paths.js';

// both packages are CommonJS: under NodeNext their default export is the module, which carries `default`
const Ajv04 = ajvDraft04.default;
const addFormats = ajvFormats.default;
type Ajv04 = InstanceType<typeof Ajv04>;

/** Where the suite lives: next to the project, in ../shared. */
export const wptSuiteDir = join(projectRoot, '..', 'shared', 'conformance', 'wpt-annotation-model');

/** Whether the suite is there (tests skip with a message when it is not). */
export const wptSuiteAvailable = existsSync(join(wptSuiteDir, 'definitions'));

/** The outcome of one assertion. */
export interface AssertionOutcome {
  file: string;
  title: string;
  type: string;
  outcome: 'pass' | 'fail' | 'suppressed' | 'skipped';
  errors?: string;
}

/** The outcome of one .test file against one value. */
export interface TestRun {
  test: string;
  total: number;
  pass: number;
  fail: number;
  suppressed: number;
  skipped: number;
  failures: AssertionOutcome[];
}

type Assertion = Record<string, unknown> & { assertionFile?: string };
type Entry = string | Assertion | Entry[];

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

function makeAjv(): Ajv04 {
  const ajv = new Ajv04({ strict: false, allErrors: true });
  // without formats, `format: uri` and `format: date-time` are not checked at all
  addFormats(ajv);
  for (const name of readdirSync(join(wptSuiteDir, 'definitions')).filter((n) => n.endsWith('.json')))
    ajv.addSchema(readJson(join(wptSuiteDir, 'definitions', name)) as object);
  return ajv;
}

let shared: Ajv04 | undefined;
const compiled = new Map<string, ReturnType<Ajv04['compile']>>();

/** Run one `.test` file of the suite (path relative to the suite) against a value. */
export function runWptTest(testPath: string, content: unknown): TestRun {
  const testFile = join(wptSuiteDir, testPath);
  const test = readJson(testFile) as { assertions: Entry[]; skipFailures?: string[] };
  const skipFailures = (test.skipFailures ?? []).map((s) => s.toLowerCase());
  const ajv = (shared ??= makeAjv());
  // a reference with a slash is relative to the suite, one without to the .test file's folder
  const resolve = (ref: string) => join(ref.includes('/') ? wptSuiteDir : dirname(testFile), ref);
  const load = (entry: string | Assertion): Assertion =>
    typeof entry === 'string'
      ? { ...(readJson(resolve(entry)) as Assertion), assertionFile: entry }
      : entry.assertionFile
        ? { ...(readJson(resolve(entry.assertionFile)) as Assertion), ...entry }
        : entry;
  const validator = (a: Assertion) => {
    const key = a.assertionFile ?? JSON.stringify(a);
    let v = compiled.get(key);
    if (!v) {
      const { assertionFile: _file, ...schema } = a;
      // two files of the suite reuse one id: compile each once, replacing the earlier registration
      if (typeof schema.id === 'string') ajv.removeSchema(schema.id);
      v = ajv.compile(schema);
      compiled.set(key, v);
    }
    return v;
  };
  const report: AssertionOutcome[] = [];
  const runList = (
    list: Entry[],
    action: 'continue' | 'skip' | 'abort',
  ): { action: typeof action; results: boolean[] } => {
    const results: boolean[] = [];
    for (const entry of list) {
      if (Array.isArray(entry)) {
        if (runList(entry, action).action === 'abort') action = 'abort';
        continue;
      }
      const a = load(entry);
      const row = {
        file: a.assertionFile ?? '(inline)',
        title: String(a.title ?? ''),
        type: String(a.assertionType ?? 'must').toLowerCase(),
      };
      if (action !== 'continue') {
        report.push({ ...row, outcome: 'skipped' });
        continue;
      }
      let asExpected: boolean;
      let errors: string | undefined;
      if (typeof a.compareWith === 'string' && Array.isArray(a.assertions)) {
        const sub = runList(a.assertions as Entry[], action);
        asExpected = a.compareWith === 'or' ? sub.results.some(Boolean) : sub.results.every(Boolean);
      } else {
        const validate = validator(a);
        const valid = validate(content) as boolean;
        asExpected = (a.expectedResult ?? 'valid') === 'invalid' ? !valid : valid;
        if (!asExpected) errors = ajv.errorsText(validate.errors ?? []);
      }
      results.push(asExpected);
      const how = String(a.onUnexpectedResult ?? 'failAndContinue');
      action = asExpected ? 'continue' : how.endsWith('Skip') ? 'skip' : how.endsWith('Abort') ? 'abort' : 'continue';
      report.push({
        ...row,
        outcome: asExpected ? 'pass' : skipFailures.includes(row.type) ? 'suppressed' : 'fail',
        ...(errors ? { errors } : {}),
      });
    }
    return { action, results };
  };
  runList(test.assertions, 'continue');
  const count = (o: AssertionOutcome['outcome']) => report.filter((r) => r.outcome === o).length;
  return {
    test: testPath,
    total: report.length,
    pass: count('pass'),
    fail: count('fail'),
    suppressed: count('suppressed'),
    skipped: count('skipped'),
    failures: report.filter((r) => r.outcome === 'fail'),
  };
}
