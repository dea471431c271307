/**
 * Where the reader stopped in each unfinished article, in localStorage under
 * one key. Every access is guarded: with storage full, denied (private mode)
 * or holding something corrupt, reading goes on and continuity is simply off.
 */
export interface Place {
  /** The article's title, as the page showed it. */
  title: string;
  /** The page the reader was on (either script), with the section's anchor. */
  url: string;
  /** The section's heading, '' for the opening. */
  section: string;
  /** How far into the article, 0-100. */
  percent: number;
  /** When, for newest first. */
  at: number;
}

const KEY = 'yd-reading';
// Enough for a reader's unfinished pile; the oldest go first.
const MAX_PLACES = 20;

const isPlace = (value: unknown): value is Place => {
  const v = value as Place;
  return !!v && typeof v.title === 'string' && typeof v.url === 'string' && typeof v.section === 'string' && typeof v.percent === 'number' && typeof v.at === 'number';
};

/** Every remembered place by article, a corrupt value ignored (and replaced by the next write). */
export function readPlaces(): Record<string, Place> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, place]) => isPlace(place))) as Record<string, Place>;
  } catch {
    return {};
  }
}

function write(places: Record<string, Place>): void {
  try {
    const kept = Object.entries(places).sort(([, a], [, b]) => b.at - a.at).slice(0, MAX_PLACES);
    localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // Storage denied or full: continuity is off, nothing else changes.
  }
}

export function savePlace(article: string, place: Place): void {
  write({ ...readPlaces(), [article]: place });
}

export function forgetPlace(article: string): void {
  const places = readPlaces();
  if (!(article in places)) return;
  delete places[article];
  write(places);
}

export function forgetAll(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing to clear where nothing could be stored.
  }
}
