export type PaginationItem = number | 'ellipsis';

/**
 * The page numbers to show, GOV.UK style: the first and last page, the current page and its
 * neighbours, and an ellipsis for each gap of more than one page (a gap of exactly one page
 * shows that page: an ellipsis would hide nothing). Pages are 1-based.
 */
export function paginationItems(page: number, pageCount: number): PaginationItem[] {
  if (pageCount < 1) return [];
  const current = Math.min(Math.max(1, Math.trunc(page)), pageCount);
  const wanted = new Set([1, current - 1, current, current + 1, pageCount].filter((n) => n >= 1 && n <= pageCount));
  const pages = [...wanted].sort((a, b) => a - b);
  const items: PaginationItem[] = [];
  let previous = 0;
  for (const n of pages) {
    if (n - previous === 2) items.push(n - 1);
    else if (n - previous > 2) items.push('ellipsis');
    items.push(n);
    previous = n;
  }
  return items;
}
