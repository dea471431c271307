/** schema.org NewsArticle with only the fields the content actually has. */
export interface NewsArticleInput {
  headline: string;
  section: string;
  language: string;
  charCount: number;
  publisher: string;
  description: string;
  url?: string | undefined;
  /** The bylines in order; a photographer (摄影) is a contributor, not an author. */
  credits?: readonly Credit[] | undefined;
  date?: string | undefined;
  updated?: string | undefined;
  tags?: readonly string[] | undefined;
  /** The original article this one reproduces. */
  sourceUrl?: string | undefined;
  /** Absolute URL of the cover (only when the site URL is known). */
  image?: string | undefined;
  /** 更正, each with its day. */
  corrections?: readonly { date: string; text: string }[] | undefined;
  /** The series (专题) it is part of, and where. */
  series?: { name: string; url?: string | undefined; position: number } | undefined;
}

export interface Credit {
  name: string;
  role?: string | undefined;
  /** Absolute URL of the author's page, when there is one and the site URL is known. */
  url?: string | undefined;
  jobTitle?: string | undefined;
  organization: boolean;
}

const PHOTOGRAPHER = /^(?:摄影|攝影|图片|圖片|摄)$/;

const agent = (credit: Credit) =>
  credit.organization
    ? { '@type': 'Organization', name: credit.name, ...(credit.url ? { url: credit.url } : {}) }
    : { '@type': 'Person', name: credit.name, ...(credit.url ? { url: credit.url } : {}), ...(credit.jobTitle ? { jobTitle: credit.jobTitle } : {}) };

function credited(credits: readonly Credit[] = []): Record<string, unknown> {
  const authors = credits.filter((c) => !PHOTOGRAPHER.test(c.role ?? '')).map(agent);
  const contributors = credits.filter((c) => PHOTOGRAPHER.test(c.role ?? '')).map(agent);
  return { ...(authors.length ? { author: authors } : {}), ...(contributors.length ? { contributor: contributors } : {}) };
}

export function newsArticle(input: NewsArticleInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: input.headline,
    description: input.description,
    articleSection: input.section,
    inLanguage: input.language,
    // For Chinese the count that matters is characters (字数).
    wordCount: input.charCount,
    publisher: { '@type': 'Organization', name: input.publisher },
    ...(input.url ? { url: input.url, mainEntityOfPage: input.url } : {}),
    ...credited(input.credits),
    ...(input.date ? { datePublished: input.date } : {}),
    ...(input.updated ? { dateModified: input.updated } : {}),
    ...(input.tags?.length ? { keywords: input.tags.join(',') } : {}),
    ...(input.sourceUrl ? { isBasedOn: input.sourceUrl } : {}),
    ...(input.image ? { image: input.image } : {}),
    ...(input.corrections?.length
      ? { correction: input.corrections.map((c) => ({ '@type': 'CorrectionComment', datePublished: c.date, text: c.text })) }
      : {}),
    ...(input.series
      ? {
          isPartOf: { '@type': 'CreativeWorkSeries', name: input.series.name, ...(input.series.url ? { url: input.series.url } : {}) },
          position: input.series.position,
        }
      : {}),
  };
}

export interface SeriesInput {
  name: string;
  description: string;
  language: string;
  publisher: string;
  url?: string | undefined;
  image?: string | undefined;
  /** Its parts in order, with absolute URLs when the site URL is known. */
  parts: { headline: string; url?: string | undefined; date?: string | undefined }[];
  /** The first and newest dates it covers. */
  startDate?: string | undefined;
  latest?: string | undefined;
}

/** schema.org CreativeWorkSeries for a series page: its parts as NewsArticles with their position. */
export function creativeWorkSeries(input: SeriesInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'CreativeWorkSeries',
    name: input.name,
    description: input.description,
    inLanguage: input.language,
    publisher: { '@type': 'Organization', name: input.publisher },
    ...(input.url ? { url: input.url, mainEntityOfPage: input.url } : {}),
    ...(input.image ? { image: input.image } : {}),
    ...(input.startDate ? { startDate: input.startDate } : {}),
    ...(input.latest ? { dateModified: input.latest } : {}),
    hasPart: input.parts.map((part, i) => ({
      '@type': 'NewsArticle',
      headline: part.headline,
      position: i + 1,
      ...(part.url ? { url: part.url } : {}),
      ...(part.date ? { datePublished: part.date } : {}),
    })),
  };
}

/**
 * JSON for a <script type="application/ld+json"> block. `<`, `>` and `&` are
 * written as \u escapes so no text (a title holding "</script>") can end the block.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface ProfileInput {
  name: string;
  jobTitle?: string | undefined;
  description?: string | undefined;
  url?: string | undefined;
  image?: string | undefined;
  /** The author's pages elsewhere (their links). */
  sameAs: readonly string[];
  language: string;
}

/** schema.org ProfilePage for an author page, its Person the main entity. */
export function profilePage(input: ProfileInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    inLanguage: input.language,
    ...(input.url ? { url: input.url } : {}),
    mainEntity: {
      '@type': 'Person',
      name: input.name,
      ...(input.jobTitle ? { jobTitle: input.jobTitle } : {}),
      ...(input.description ? { description: input.description } : {}),
      ...(input.url ? { url: input.url } : {}),
      ...(input.image ? { image: input.image } : {}),
      ...(input.sameAs.length ? { sameAs: [...input.sameAs] } : {}),
    },
  };
}
