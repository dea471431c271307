// Every page: search on intent, and the reader's preferences where the page offers them.
import './search-boot.ts';
import './reader-controls.ts';
