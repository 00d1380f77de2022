import { ProtectiveMarking } from './protective-marking';

/** The page footer, ending with the protective marking so it closes every page. */
export function Footer() {
  return (
    <footer className="app-footer">
      <div className="govuk-width-container app-footer__content">
        <p className="app-footer__text">Quadrant – demo data is invented</p>
      </div>
      <ProtectiveMarking />
    </footer>
  );
}
