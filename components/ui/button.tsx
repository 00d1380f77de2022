import Link from 'next/link';
import type { AnchorHTMLAttributes, ButtonHTMLAttributes, ReactNode } from 'react';
import { classNames } from './class-names';

export type ButtonVariant = 'primary' | 'secondary' | 'warning' | 'inverse';

type CommonProps = {
  children: ReactNode;
  variant?: ButtonVariant;
  isStartButton?: boolean;
  className?: string;
};

export type ButtonProps =
  | (CommonProps &
      Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className' | 'children'> & {
        href?: undefined;
        /**
         * GOV.UK Frontend ignores a second click within a second. Not for a form that can fail
         * validation: the lock also swallows a quick resubmit after correcting an error. Disable
         * the button while the form is submitting instead.
         */
        preventDoubleClick?: boolean;
      })
  | (CommonProps & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'className' | 'children'> & { href: string });

const variantClass: Record<ButtonVariant, string | undefined> = {
  primary: undefined,
  secondary: 'govuk-button--secondary',
  warning: 'govuk-button--warning',
  inverse: 'govuk-button--inverse',
};

function StartIcon() {
  return (
    <svg
      className="govuk-button__start-icon"
      xmlns="http://www.w3.org/2000/svg"
      width="17.5"
      height="19"
      viewBox="0 0 33 40"
      aria-hidden="true"
      focusable="false"
    >
      <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
    </svg>
  );
}

/**
 * GOV.UK button (https://design-system.service.gov.uk/components/button/). With `href` it is a
 * link styled as a button (role="button"); otherwise a <button>, `type="submit"` unless told.
 */
export function Button(props: ButtonProps) {
  const { children, variant = 'primary', isStartButton = false, className, ...rest } = props;
  const classes = classNames(
    'govuk-button',
    variantClass[variant],
    isStartButton && 'govuk-button--start',
    className,
  );
  const content = (
    <>
      {isStartButton ? <span>{children}</span> : children}
      {isStartButton ? <StartIcon /> : null}
    </>
  );

  if (rest.href !== undefined) {
    const { href, ...anchorProps } = rest;
    return (
      <Link href={href} role="button" draggable={false} className={classes} data-module="govuk-button" {...anchorProps}>
        {content}
      </Link>
    );
  }

  const { preventDoubleClick, type = 'submit', disabled, ...buttonProps } = rest;
  return (
    <button
      type={type}
      className={classes}
      data-module="govuk-button"
      data-prevent-double-click={preventDoubleClick === undefined ? undefined : String(preventDoubleClick)}
      disabled={disabled}
      aria-disabled={disabled ? true : undefined}
      {...buttonProps}
    >
      {content}
    </button>
  );
}
