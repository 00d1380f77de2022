// GOV.UK Frontend ships no TypeScript types. This declares the part of its JavaScript API that
// Quadrant uses (components/layout/frontend-initialiser.tsx).
declare module 'govuk-frontend' {
  /** A component class: constructed on its root element, it marks it `data-<moduleName>-init`. */
  export interface GovukComponentClass {
    new ($root: Element, config?: Record<string, unknown>): unknown;
    readonly moduleName: string;
  }

  export type GovukInitErrorCallback = (error: unknown, context: { element?: Element; component?: GovukComponentClass }) => void;

  export interface GovukInitConfig {
    scope?: Element | Document | null;
    onError?: GovukInitErrorCallback;
    [componentKey: string]: unknown;
  }

  export const version: string;

  export const Accordion: GovukComponentClass;
  export const Button: GovukComponentClass;
  export const CharacterCount: GovukComponentClass;
  export const Checkboxes: GovukComponentClass;
  export const ErrorSummary: GovukComponentClass;
  export const ExitThisPage: GovukComponentClass;
  export const FileUpload: GovukComponentClass;
  export const NotificationBanner: GovukComponentClass;
  export const PasswordInput: GovukComponentClass;
  export const Radios: GovukComponentClass;
  export const ServiceNavigation: GovukComponentClass;
  export const SkipLink: GovukComponentClass;
  export const Tabs: GovukComponentClass;

  /** Initialises every component in scope. Throws nothing; logs components already initialised. */
  export function initAll(scopeOrConfig?: Element | Document | null | GovukInitConfig): void;
  export function createAll(
    component: GovukComponentClass,
    config?: Record<string, unknown>,
    scopeOrOptions?: Element | Document | null | GovukInitErrorCallback | Omit<GovukInitConfig, string>,
  ): unknown[];
  /** True when `<body>` (or the given element) has the class `govuk-frontend-supported`. */
  export function isSupported($scope?: HTMLElement | null): boolean;
}
