/** Says whether a newer search has replaced this one, so its remaining work can be skipped. */
export type Stale = () => boolean;

/** Thrown inside a search that a newer one replaced; live-search.ts drops it quietly. */
export class StaleSearch extends Error {}
