/** Where a threshold's value comes from (as lib/db/organisations.ts reports it). */
export type SettingSourceDto = { kind: 'own' } | { kind: 'inherited'; organisationName: string } | { kind: 'default' };

export type ThresholdInForceDto = {
  value: number;
  source: SettingSourceDto;
  inherited: { value: number; source: SettingSourceDto };
};

/** "inherited from Yorkshire and the Humber", "the Quadrant default" or "set here". */
export function sourceText(source: SettingSourceDto): string {
  switch (source.kind) {
    case 'own':
      return 'set here';
    case 'inherited':
      return `inherited from ${source.organisationName}`;
    case 'default':
      return 'the Quadrant default';
  }
}

/**
 * A threshold input's hint: what applies when it is left empty, e.g. "Leave empty to use 28,
 * inherited from Yorkshire and the Humber", and whether the value in force is set here.
 */
export function settingHint(threshold: ThresholdInForceDto): string {
  const whenEmpty = `Leave empty to use ${threshold.inherited.value}, ${sourceText(threshold.inherited.source)}`;
  return threshold.source.kind === 'own' ? `${threshold.value} is set here. ${whenEmpty}` : whenEmpty;
}
