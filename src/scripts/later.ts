// Loaded once the page has settled, outside the first view: offline reading, and on an article where the reader stopped.
import './offline.ts';
import './resume.ts';
