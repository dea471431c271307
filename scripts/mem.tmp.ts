import { spawn } from 'node:child_process';
import { watchPeakMemory } from './lib/peak-memory.ts';
const child = spawn(process.execPath, process.argv.slice(2), { stdio: 'inherit' });
const w = watchPeakMemory(child.pid!, 100);
child.on('close', async () => console.log('peak MB', Math.round((await w.stop()) / 1048576)));
