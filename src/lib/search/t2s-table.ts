import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';

/** OpenCC dictionaries are "source target [alternatives]|…"; we keep the first target. */
function parseDict(dict: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of dict.split('|')) {
    const [source, target] = entry.split(' ');
    if (source && target && [...source].length === 1) map.set(source, target);
  }
  return map;
}

let characters: Map<string, string> | undefined;

/** Every traditional character (Taiwan and Hong Kong variants included) with the simplified one it becomes. */
export function traditionalToSimplified(): Map<string, string> {
  if (characters) return characters;
  const ts = parseDict(TSCharacters);
  const variants = new Map([...parseDict(TWVariantsRev), ...parseDict(HKVariantsRev)]);
  characters = new Map();
  for (const source of new Set([...ts.keys(), ...variants.keys()])) {
    const standard = variants.get(source) ?? source;
    const target = ts.get(standard) ?? ts.get(source) ?? standard;
    if (target !== source) characters.set(source, target);
  }
  return characters;
}

/** Text in simplified characters, one character at a time (as the query table does it in the browser). */
export function simplifyCharacters(text: string): string {
  const map = traditionalToSimplified();
  let out = '';
  for (const char of text) out += map.get(char) ?? char;
  return out;
}

export interface T2sTable {
  /** Traditional characters, one per code point... */
  t: string;
  /** ...and the simplified character each becomes, at the same code-point index. */
  s: string;
}

/**
 * Traditional -> simplified, one character at a time, from OpenCC's data
 * (Taiwan and Hong Kong variants first folded to OpenCC's standard form).
 * Only pairs whose simplified character occurs in `text` are kept: a reader's
 * query can only find what the site contains, and the table stays a few KB.
 */
export function buildT2sTable(text: string): T2sTable {
  const present = new Set(text);
  const pairs = [...traditionalToSimplified()].filter(([, target]) => present.has(target));
  const sorted = pairs.sort(([a], [b]) => (a < b ? -1 : 1));
  return { t: sorted.map(([t]) => t).join(''), s: sorted.map(([, s]) => s).join('') };
}
