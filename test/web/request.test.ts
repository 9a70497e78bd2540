import { describe, expect, it } from 'vitest';
import { isLocalPath, safeRedirectPath } from '../../src/web/request.js';

describe('safeRedirectPath: the one check before a redirect to a path the request gave', () => {
  it.each(['/', '/articles/3', '/compare?a=1&b=2#pair-2', '/search?q=a%2F%2Fb'])('keeps the local path %s', (path) => {
    expect(isLocalPath(path)).toBe(true);
    expect(safeRedirectPath(path, '/fallback')).toBe(path);
  });

  it.each([
    ['a protocol-relative address', '//evil.example/x'],
    ['a backslash that browsers read as a slash', '/\\evil.example'],
    ['a backslash further on', '/ok/..\\\\evil.example'],
    ['an absolute address', 'https://evil.example/'],
    ['a relative path', 'articles/3'],
    ['nothing', undefined],
    ['a number', 3],
  ])('refuses %s', (_case, value) => {
    expect(isLocalPath(value)).toBe(false);
    expect(safeRedirectPath(value, '/fallback')).toBe('/fallback');
  });
});
