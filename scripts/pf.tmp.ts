import * as pagefind from 'pagefind';
const [dir, glob] = [process.argv[2]!, process.argv[3]];
const t = performance.now();
const { index } = await pagefind.createIndex({});
const added = await index!.addDirectory({ path: dir, ...(glob ? { glob } : {}) });
await index!.writeFiles({ outputPath: '/tmp/pf-out' });
console.log('pages', added.page_count, 'ms', Math.round(performance.now() - t));
await pagefind.close();
