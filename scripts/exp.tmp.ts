import { readFileSync } from 'node:fs';
import { writeCorpus } from './lib/corpus.ts';
const src = readFileSync('content/articles/ali-yun-haishi-alibaba-de-na-duo-yun.md', 'utf8');
await writeCorpus(process.argv[2]!, { articles: Number(process.argv[3]), source: src.slice(src.indexOf('\n---\n') + 5) });
