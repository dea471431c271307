import { siteText } from '../../lib/content/collection.ts';
import { readSearchAliases } from '../../lib/content/search-aliases.ts';
import { buildVariantTable, type VariantTable } from '../../lib/search/variant-table.ts';

let groups: Promise<VariantTable> | undefined;

/** The regional groups of this site's text, worked out once per build for both scripts' tables. */
export function variantGroups(): Promise<VariantTable> {
  groups ??= siteText().then((text) => buildVariantTable(text, readSearchAliases()));
  return groups;
}
