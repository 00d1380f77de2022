import 'server-only';
import type { ActionConfig } from './authed-action';
import type { Tx } from '@/lib/db/client';
import { getOwnSettingsRow, listSettingsAroundOrganisation, loadOrganisationResource, type OwnSettingValues } from '@/lib/db/organisations';
import { pathIds } from '@/lib/db/settings';
import { resolveThresholds, SETTING_KEYS, type ThresholdOverrides } from '@/lib/domain/settings';
import { AppError, conflict } from '@/lib/errors';
import { CASELOAD_ORDER_MESSAGE, SETTING_FIELDS, updateComplianceSettingsSchema, type SettingKey } from '@/lib/validation/compliance-settings';

// An organisation's compliance thresholds (issue 4, "Settings"). Co-ordinators and admins set
// them for their organisation and anything below it (settings:update on the organisation); an
// empty value inherits the parent's. Two people may edit one organisation's settings at once, so
// the row's version guards against lost updates; every change is audited with the keys it
// changed.

type LoadedOrganisation = NonNullable<Awaited<ReturnType<typeof loadOrganisationResource>>>['record'];

export const SETTINGS_SAVED_MESSAGE = 'Settings saved';

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

/** Somebody else saved this organisation's settings since the form was opened. */
async function settingsConflict(tx: Tx, organisationId: string): Promise<AppError> {
  const row = await getOwnSettingsRow(tx, organisationId);
  return conflict(row?.updatedByName ?? null, row?.updatedAt ?? new Date());
}

/**
 * The LRO caseload levels must stay in order wherever the new values apply: at the organisation
 * itself (its own values or those it inherits) and at every organisation below it that sets
 * either level itself. Only checked when the change touches a caseload level.
 */
async function checkCaseloadOrder(tx: Tx, organisation: LoadedOrganisation, next: OwnSettingValues): Promise<void> {
  const rows = await listSettingsAroundOrganisation(tx, organisation.path);
  const overrides = new Map<string, ThresholdOverrides>(rows.map((row) => [row.organisationId, row.values]));
  overrides.set(organisation.id, next);
  const levelsAt = (path: string) => resolveThresholds(pathIds(path).map((id) => overrides.get(id)));

  const here = levelsAt(organisation.path);
  if (here.lroCaseloadAlert <= here.lroCaseloadWarning) {
    // The message goes on the level this organisation sets, naming the one it inherits.
    const onAlert = next.lroCaseloadAlert !== null || next.lroCaseloadWarning === null;
    const message = onAlert
      ? `${SETTING_FIELDS.lroCaseloadAlert.name} must be more than ${here.lroCaseloadWarning}, the number for a warning in force`
      : `${SETTING_FIELDS.lroCaseloadWarning.name} must be fewer than ${here.lroCaseloadAlert}, the number for an alert in force`;
    throw new AppError('VALIDATION', 'There is a problem', { [onAlert ? 'lroCaseloadAlert' : 'lroCaseloadWarning']: [message] });
  }
  for (const row of rows) {
    if (row.organisationId === organisation.id || !row.path.startsWith(organisation.path)) continue;
    if (row.values.lroCaseloadAlert === null && row.values.lroCaseloadWarning === null) continue;
    const below = levelsAt(row.path);
    if (below.lroCaseloadAlert <= below.lroCaseloadWarning) {
      const field = next.lroCaseloadWarning !== null ? 'lroCaseloadWarning' : 'lroCaseloadAlert';
      throw new AppError('VALIDATION', 'There is a problem', {
        [field]: [
          `${row.organisationName} would then have ${below.lroCaseloadWarning} live threats for a warning and ${below.lroCaseloadAlert} for an alert. ${CASELOAD_ORDER_MESSAGE}`,
        ],
      });
    }
  }
}

/**
 * Save one organisation's own thresholds: create its row the first time (version 0 in the form),
 * otherwise update it if it is still the version the editor saw. Only the keys that changed are
 * audited; a save that changes nothing writes nothing.
 */
export const updateComplianceSettings: ActionConfig<typeof updateComplianceSettingsSchema, LoadedOrganisation, { version: number }> = {
  name: 'settings.updated',
  schema: updateComplianceSettingsSchema,
  verb: 'settings:update',
  load: ({ user, input, tx }) => loadOrganisationResource(tx, user, input.organisationId),
  async handler({ input, record, user, tx }) {
    const next = Object.fromEntries(SETTING_KEYS.map((key) => [key, input[key]])) as OwnSettingValues;
    const current = await getOwnSettingsRow(tx, record.id);
    if ((current?.version ?? 0) !== input.version) throw await settingsConflict(tx, record.id);

    const changed: SettingKey[] = SETTING_KEYS.filter((key) => (current?.values[key] ?? null) !== next[key]);
    if (changed.length === 0) return { data: { version: input.version }, message: SETTINGS_SAVED_MESSAGE, audit: [] };
    if (changed.includes('lroCaseloadWarning') || changed.includes('lroCaseloadAlert')) await checkCaseloadOrder(tx, record, next);

    let settingsId: string;
    if (!current) {
      try {
        settingsId = (await tx.complianceSettings.create({ data: { organisationId: record.id, ...next, version: 1, updatedById: user.id }, select: { id: true } })).id;
      } catch (error) {
        // Somebody created the row in the moment since it was read. The transaction cannot be
        // queried after the failed insert on PostgreSQL, so the message cannot name them.
        if (isUniqueViolation(error)) throw conflict(null, new Date());
        throw error;
      }
    } else {
      const { count } = await tx.complianceSettings.updateMany({
        where: { organisationId: record.id, version: input.version },
        data: { ...next, version: { increment: 1 }, updatedById: user.id },
      });
      if (count === 0) throw await settingsConflict(tx, record.id);
      settingsId = current.id;
    }

    const pick = (values: OwnSettingValues | null) => Object.fromEntries(changed.map((key) => [key, values?.[key] ?? null]));
    return {
      data: { version: input.version + 1 },
      message: SETTINGS_SAVED_MESSAGE,
      audit: {
        action: 'settings.updated',
        entityType: 'ComplianceSettings',
        entityId: settingsId,
        organisationId: record.id,
        before: pick(current?.values ?? null),
        after: pick(next),
      },
    };
  },
};
