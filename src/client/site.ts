// Every page: search on intent, and the reader's preferences where the page offers them.
import './search/search-boot.ts';
import './reading/reader-controls.ts';

// Once the page has settled: offline reading, and where the reader stopped (later.ts).
setTimeout(() => void import('./later.ts'), 500);
