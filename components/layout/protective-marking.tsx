/**
 * The protective marking of everything Quadrant shows: a solid bar at the top of every page (in
 * the header) and at the bottom (in the footer). Print styles keep it, and repeat it at the top
 * and bottom of every printed page (app/globals.scss).
 */
export function ProtectiveMarking() {
  return <p className="app-protective-marking">OFFICIAL-SENSITIVE</p>;
}
