import { withDatabase } from './database';

/** The id behind a seeded threat URN (the seed's DEMO_REFERENCES name the URNs). */
export async function threatIdByUrn(urn: string): Promise<string> {
  const rows = await withDatabase((db) => db.rows('SELECT "id" FROM "SocThreat" WHERE "urn" = ?', [urn]));
  if (!rows[0]) throw new Error(`No seeded threat ${urn}`);
  return rows[0].id as string;
}

/**
 * A West Yorkshire threat that no other journey relies on, so a test may change it. `slot`
 * picks a different one for each test that needs its own.
 */
export async function spareWestYorkshireThreat(slot: number): Promise<{ id: string; urn: string }> {
  const { DEMO_REFERENCES } = await import('../../prisma/demo-data');
  const reserved = Object.values(DEMO_REFERENCES);
  const rows = await withDatabase((db) =>
    db.rows(
      `SELECT "id", "urn" FROM "SocThreat" WHERE "urn" LIKE 'WYP-%' AND "status" = 'ACTIVE' AND "urn" NOT IN (${reserved.map(() => '?').join(', ')}) ORDER BY "urn"`,
      reserved,
    ),
  );
  const row = rows[slot];
  if (!row) throw new Error(`No spare West Yorkshire threat for slot ${slot}`);
  return { id: row.id as string, urn: row.urn as string };
}
