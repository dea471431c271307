import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeChanges, logPageChanges } from '../../src/lib/content/page-changes.ts';

const parts = (own = 'a', neighbours = 'n', links = 'l', code = 'c') => ({ code, own, neighbours, links });

describe('why a rebuild renders article pages again', () => {
  it('counts each page once, by the first reason that holds', () => {
    const before = { a: parts(), b: parts(), c: parts(), d: parts(), e: parts() };
    const now = {
      a: parts(),
      b: parts('b2', 'n2'),
      c: parts('a', 'n2', 'l2'),
      d: parts('a', 'n', 'l2'),
      e: parts(),
      f: parts(),
    };
    expect(describeChanges(before, now)).toBe(
      '6 article page(s): 2 as in the last build, 4 changed (1 new, 1 article changed, 1 neighbour changed, 1 link target changed)',
    );
  });

  it('a change of code changes every page, and says so rather than blaming the articles', () => {
    const before = { a: parts(), b: parts() };
    expect(describeChanges(before, { a: parts('x', 'n', 'l', 'c2'), b: parts('a', 'n', 'l', 'c2') })).toBe(
      '2 article page(s): 0 as in the last build, 2 changed (2 code changed)',
    );
    expect(describeChanges({}, { a: parts() })).toBe('1 article page(s): 0 as in the last build, 1 changed (1 new)');
  });
});

describe('the record of the last build', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yuedu-pages-'));
  const file = path.join(dir, 'yuedu-pages.json');
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    rmSync(file, { force: true });
  });

  it('is written by an incremental build, and left alone by one that does not own the cache', () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.stubEnv('YUEDU_CACHE_DIR', dir);
    vi.stubEnv('YUEDU_INCREMENTAL', '0');
    logPageChanges({ a: parts() });
    expect(existsSync(file)).toBe(false);
    vi.stubEnv('YUEDU_INCREMENTAL', '1');
    logPageChanges({ a: parts() });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ a: parts() });
  });
});
