'use server';

import { authedAction } from '@/lib/services/authed-action';
import { updateComplianceSettings } from '@/lib/services/compliance-settings';
import type { UpdateComplianceSettingsInput } from '@/lib/validation/compliance-settings';

// The settings page's server action: thin, one write through authedAction.

const runUpdateComplianceSettings = authedAction(updateComplianceSettings);

export async function updateComplianceSettingsAction(input: UpdateComplianceSettingsInput) {
  return runUpdateComplianceSettings(input);
}
