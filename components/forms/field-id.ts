/**
 * The HTML id of a form field, from its react-hook-form name: dots become hyphens
 * ('dueDate.day' → 'dueDate-day', 'actions.0.owner' → 'actions-0-owner'). Every field wrapper
 * uses it, so the error summary can link to any field by its name alone.
 */
export function fieldId(name: string): string {
  return name.replace(/\./g, '-');
}

/** Joins the ids a field is described by, skipping missing ones. */
export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined || undefined;
}
