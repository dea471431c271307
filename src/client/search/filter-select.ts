/**
 * A filter's <select> on the search page: option values are what the address
 * keeps (a slug, a year), option labels what the index filters by (a name,
 * a title; the year itself). Counts are added to the labels and taken off
 * again, so the label the index knows is kept aside.
 */

/** An option's label as rendered, before any count was added to it. */
export function labelOf(option: HTMLOptionElement): string {
  option.dataset['label'] ??= option.text;
  return option.dataset['label'];
}

/** What the chosen option filters by ('' for "all"): the value itself (a year), or its label (a name). */
export function filterValue(select: HTMLSelectElement, byValue: boolean): string {
  const option = select.selectedOptions[0];
  if (!select.value || !option) return '';
  return byValue ? option.value : labelOf(option);
}

/** Chooses `wanted` (a value, or a label as older links have it) if the select offers it, else "all". */
export function choose(select: HTMLSelectElement, wanted: string | null): void {
  const option = [...select.options].find((o) => o.value && (o.value === wanted || labelOf(o) === wanted));
  select.value = option?.value ?? '';
}

/** Each option's count for the query; a value with none stays listed, greyed (never hidden), unless it is the one chosen. */
export function showCounts(select: HTMLSelectElement, counts: Record<string, number>, byValue: boolean): void {
  for (const option of select.options) {
    if (!option.value) continue;
    const label = labelOf(option);
    const n = counts[byValue ? option.value : label] ?? 0;
    option.text = `${label}（${n}）`;
    option.disabled = n === 0 && option.value !== select.value;
  }
}
