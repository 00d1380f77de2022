/**
 * An item of the service navigation. `active` may be left out: the navigation then marks the
 * item whose address the current page is at or under, on the client, so it stays right when a
 * shared layout is not re-rendered on navigation.
 */
export type NavItem = { href: string; text: string; active?: boolean };
