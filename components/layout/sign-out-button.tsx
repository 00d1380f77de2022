'use client';

import { useState } from 'react';
import { signOut } from 'next-auth/react';

/** Signs the user out and returns them to the sign-in page. A real button: keyboard operable. */
export function SignOutButton({ className = '' }: { className?: string }) {
  const [isSigningOut, setIsSigningOut] = useState(false);

  async function handleClick() {
    if (isSigningOut) return;
    setIsSigningOut(true);
    try {
      await signOut({ callbackUrl: '/sign-in' });
    } catch (error) {
      console.error('Sign out failed', error);
      setIsSigningOut(false);
    }
  }

  return (
    <button
      type="button"
      className={`govuk-button govuk-button--inverse app-header__sign-out ${className}`.trim()}
      data-module="govuk-button"
      aria-disabled={isSigningOut || undefined}
      onClick={handleClick}
    >
      Sign out
    </button>
  );
}
