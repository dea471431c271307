import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { listFiles } from '../support/dist.ts';

const VNU = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
}

describe.each(['distRoot', 'distNews', 'distPictures', 'distSeries'] as const)('W3C Nu HTML Checker on %s', (dist) => {
  it('finds 0 errors in any built page', async () => {
    const dir = inject(dist);
    const pages = (await listFiles(dir)).filter((f) => f.endsWith('.html')).map((f) => path.join(dir, f));
    expect(pages.length).toBeGreaterThanOrEqual(6);
    const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...pages], { encoding: 'utf8' });
    if (run.error) throw new Error(`java not found (${run.error.message}); install it with: apt-get install -y default-jre-headless`);
    const { messages } = JSON.parse(run.stderr) as { messages: VnuMessage[] };
    expect(messages.map((m) => `${path.relative(dir, new URL(m.url).pathname)}:${m.lastLine}: ${m.message}`)).toEqual([]);
  });
});
