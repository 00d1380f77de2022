// MoJ Frontend ships no TypeScript types. This declares the part of its JavaScript API that
// Quadrant uses (components/layout/frontend-initialiser.tsx).
declare module '@ministryofjustice/frontend' {
  import type { GovukComponentClass, GovukInitConfig } from 'govuk-frontend';

  export const version: string;

  export const AddAnother: GovukComponentClass;
  export const Alert: GovukComponentClass;
  export const ButtonMenu: GovukComponentClass;
  export const DatePicker: GovukComponentClass;
  export const FilterToggleButton: GovukComponentClass;
  export const FormValidator: GovukComponentClass;
  export const MultiFileUpload: GovukComponentClass;
  export const MultiSelect: GovukComponentClass;
  export const PasswordReveal: GovukComponentClass;
  export const PdsHeader: GovukComponentClass;
  export const RichTextEditor: GovukComponentClass;
  export const SearchToggle: GovukComponentClass;
  export const SortableTable: GovukComponentClass;

  export function initAll(scopeOrConfig?: Element | Document | null | GovukInitConfig): void;
}
