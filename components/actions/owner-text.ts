/** Who owns an action, in words: the person (and their organisation), or the partner organisation and its contact. */
export function ownerText(action: {
  ownerUser: { name: string; rank: string | null; organisationName: string } | null;
  ownerOrganisation: { name: string } | null;
  ownerContactName: string | null;
}): string {
  const parts: string[] = [];
  if (action.ownerUser) parts.push(`${[action.ownerUser.rank, action.ownerUser.name].filter(Boolean).join(' ')} (${action.ownerUser.organisationName})`);
  if (action.ownerOrganisation) parts.push(`${action.ownerOrganisation.name}${action.ownerContactName ? `, contact: ${action.ownerContactName}` : ''}`);
  return parts.join('; ') || 'No owner';
}
