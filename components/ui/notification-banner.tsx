import type { ReactNode } from 'react';
import { classNames } from './class-names';

export type NotificationBannerProps = {
  /** 'success' after something the user did worked: it is announced and takes focus. */
  type?: 'success';
  /** The banner's small title; "Success" or "Important" unless given. */
  title?: ReactNode;
  /** The message in large type, if any. */
  heading?: ReactNode;
  children?: ReactNode;
  /** Unique on the page; needed when it shows more than one banner. */
  titleId?: string;
  titleHeadingLevel?: 2 | 3 | 4;
};

/**
 * GOV.UK notification banner (https://design-system.service.gov.uk/components/notification-banner/).
 * GOV.UK Frontend's JavaScript moves focus to a success banner (role="alert") when it appears.
 */
export function NotificationBanner({
  type,
  title,
  heading,
  children,
  titleId = 'govuk-notification-banner-title',
  titleHeadingLevel = 2,
}: NotificationBannerProps) {
  const isSuccess = type === 'success';
  const Title = `h${titleHeadingLevel}` as const;
  return (
    <div
      className={classNames('govuk-notification-banner', isSuccess && 'govuk-notification-banner--success')}
      role={isSuccess ? 'alert' : 'region'}
      aria-labelledby={titleId}
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <Title className="govuk-notification-banner__title" id={titleId}>
          {title ?? (isSuccess ? 'Success' : 'Important')}
        </Title>
      </div>
      <div className="govuk-notification-banner__content">
        {heading ? <p className="govuk-notification-banner__heading">{heading}</p> : null}
        {children}
      </div>
    </div>
  );
}
