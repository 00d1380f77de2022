import type { ReactNode } from 'react';
import { Footer } from './footer';
import { Header, type HeaderUser } from './header';
import type { NavItem } from './nav-item';

export type { NavItem } from './nav-item';

export type AppShellProps = {
  /** Who is signed in; null on pages seen before sign-in (no account area, no navigation). */
  user: HeaderUser | null;
  navigation: NavItem[];
  children: ReactNode;
};

/**
 * The frame of every page: marking and header, the one <main id="main-content"> (the skip
 * link's target, in the root layout), and the footer with the marking again. It holds no
 * server-only code, so the error page (a client component) uses it too.
 */
export function AppShell({ user, navigation, children }: AppShellProps) {
  return (
    <>
      <Header user={user} navigation={navigation} />
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content">
          {children}
        </main>
      </div>
      <Footer />
    </>
  );
}
