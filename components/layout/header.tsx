import Link from 'next/link';
import { ProtectiveMarking } from './protective-marking';
import { ServiceNavigation } from './service-navigation';
import { SignOutButton } from './sign-out-button';
import type { NavItem } from './nav-item';

export type HeaderUser = { name: string; organisationName: string };

/**
 * The page header: the protective marking, the service name (a GOV.UK generic header: no crown,
 * no GOV.UK logo), who is signed in with a "Sign out" button, and the service navigation.
 * Without a user (sign-in, errors) it shows the marking and the service name only.
 */
export function Header({ user = null, navigation = [] }: { user?: HeaderUser | null; navigation?: NavItem[] }) {
  return (
    <header className="govuk-template__header">
      <ProtectiveMarking />
      <div className="govuk-generic-header">
        <div className="govuk-generic-header__container govuk-width-container app-header__container">
          <div className="govuk-generic-header__logo">
            <Link href="/" className="govuk-generic-header__homepage-link">
              Quadrant
            </Link>
          </div>
          {user ? (
            <div className="app-header__account">
              <p className="app-header__user">
                <span className="govuk-visually-hidden">Signed in as </span>
                <strong>{user.name}</strong>
                <span className="app-header__organisation">{user.organisationName}</span>
              </p>
              <SignOutButton />
            </div>
          ) : null}
        </div>
      </div>
      {navigation.length > 0 ? <ServiceNavigation items={navigation} /> : null}
    </header>
  );
}
