// Han ideographs plus the CJK and full-width punctuation they sit beside.
const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef\\u2018\\u2019\\u201c\\u201d\\u2014\\u2026';
const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
// A half-width mark touching CJK text on either side belongs to Chinese prose ("之前,AI" -> "之前，AI");
// one between Latin or digits ("3,000", "10:30") is left alone.
const WIDEN = new RegExp(`(?<=[${CJK}])[,;:?!()]|[,;:?!()](?=[${CJK}])`, 'gu');
const EDGE_SPACE = /^[ \t\u3000\u00a0]+|[ \t\u3000\u00a0]+$/g;

/** Trims ASCII and full-width spaces and widens half-width punctuation inside Chinese prose. */
export function tidyLine(line: string): string {
  return line.replace(EDGE_SPACE, '').replace(WIDEN, (mark) => HALF_TO_FULL[mark] ?? mark);
}
