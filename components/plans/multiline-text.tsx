import { Fragment } from 'react';

/**
 * Text typed into a textarea, shown with its line breaks (one paragraph per blank-line-separated
 * block, <br> within one), without inline styles, which the Content Security Policy forbids.
 */
export function MultilineText({ text, className = 'govuk-body' }: { text: string; className?: string }) {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        <p className={className} key={index}>
          {paragraph.split('\n').map((line, lineIndex) => (
            <Fragment key={lineIndex}>
              {lineIndex > 0 ? <br /> : null}
              {line}
            </Fragment>
          ))}
        </p>
      ))}
    </>
  );
}
