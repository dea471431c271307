// Loaded once the page has settled, outside the first view: offline reading, and on an article where the reader stopped.
import './offline/offline.ts';
import './reading/resume.ts';
