/**
 * The house rules a reader can check by measuring (GUIDE: "no file in src/ over
 * 300 lines", "handlers are 10–25 lines"). Sources are measured as they stand,
 * which is Prettier's layout at 120 columns (CI checks the formatting).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const maxFileLines = 300;
const maxHandlerLines = 25;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(ts|mts|mjs)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const lineCount = (text: string): number => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

/** Every route handler of a web module (a `Handler`, or a function a `Handler`-returning maker returns), with its lines. */
export function measureHandlers(file: string, text: string): { name: string; lines: number }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { name: string; lines: number }[] = [];
  const lines = (node: ts.Node) =>
    source.getLineAndCharacterOfPosition(node.getEnd()).line -
    source.getLineAndCharacterOfPosition(node.getStart(source)).line +
    1;
  const isHandlerType = (type: ts.TypeNode | undefined) =>
    !!type && ts.isTypeReferenceNode(type) && type.typeName.getText(source) === 'Handler';
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && isHandlerType(node.type) && node.initializer) {
      if (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
        found.push({ name: node.name.getText(source), lines: lines(node.initializer) });
    }
    if (ts.isFunctionDeclaration(node) && isHandlerType(node.type) && node.body) {
      for (const statement of node.body.statements)
        if (ts.isReturnStatement(statement) && statement.expression)
          found.push({ name: `${node.name?.getText(source)}(…)`, lines: lines(statement.expression) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the house as built', () => {
  it(`keeps every file in src/ at most ${maxFileLines} lines`, () => {
    const over = sourceFiles(join(root, 'src'))
      .map((f) => ({ file: relative(root, f), lines: lineCount(readFileSync(f, 'utf8')) }))
      .filter((f) => f.lines > maxFileLines)
      .map((f) => `${f.file}: ${f.lines} lines`);
    expect(over).toEqual([]);
  });

  it(`keeps every route handler in src/web at most ${maxHandlerLines} lines`, () => {
    const handlers = sourceFiles(join(root, 'src', 'web')).flatMap((f) =>
      measureHandlers(f, readFileSync(f, 'utf8')).map((h) => ({ ...h, file: relative(root, f) })),
    );
    // the measure must see the handlers at all, or the rule would pass on nothing
    expect(handlers.length).toBeGreaterThan(80);
    const over = handlers.filter((h) => h.lines > maxHandlerLines).map((h) => `${h.file} ${h.name}: ${h.lines} lines`);
    expect(over).toEqual([]);
  });

  it('measures a handler from its arrow to its closing brace', () => {
    const text = [
      "import type { Handler } from './request.js';",
      'export const show: Handler = ({ db }, req, res) => {',
      '  res.json({});',
      '};',
      'function decide(): Handler {',
      '  return (_deps, _req, res) => {',
      '    res.end();',
      '    res.end();',
      '  };',
      '}',
    ].join('\n');
    expect(measureHandlers('x.ts', text)).toEqual([
      { name: 'show', lines: 3 },
      { name: 'decide(…)', lines: 4 },
    ]);
  });
});
