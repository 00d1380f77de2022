import type { FieldErrors } from 'react-hook-form';
import { fieldId } from './field-id';
import type { ErrorSummaryItem } from './error-summary';

const errorKeys = new Set(['message', 'type', 'types', 'ref', 'root']);

/**
 * Every field error in a react-hook-form errors object, in the order the errors were raised
 * (the schema's order), each linking to its field by `fieldId(name)`. Errors on `root` are
 * not about one field: they are the summary's description (see FormErrorSummary).
 */
export function errorSummaryItems(errors: FieldErrors): ErrorSummaryItem[] {
  const items: ErrorSummaryItem[] = [];
  const visit = (node: unknown, path: string[]) => {
    if (!node || typeof node !== 'object') return;
    const message = (node as { message?: unknown }).message;
    if (path.length > 0 && typeof message === 'string' && message) {
      items.push({ href: `#${fieldId(path.join('.'))}`, text: message });
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      if (path.length === 0 ? key === 'root' : errorKeys.has(key)) continue;
      visit(child, [...path, key]);
    }
  };
  visit(errors, []);
  return items;
}
