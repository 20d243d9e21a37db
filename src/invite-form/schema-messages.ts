import { msg, str } from '@lit/localize';

import {
  MAX_EMAIL_LENGTH,
  MAX_EMAIL_LOCAL_PART_LENGTH,
  MAX_NAME_LENGTH,
} from '../../sdk/schemas/invitation.js';
import { formatNumber } from '../i18n/format.js';

/**
 * Returns a validation message of the SDK's invitation schema in the active locale. The schema
 * is shared with the server and writes its messages in English, so the form matches each one by
 * its text. A message this version does not know stays in English.
 */
export function localizeSchemaMessage(message: string): string {
  const limit = [MAX_NAME_LENGTH, MAX_EMAIL_LENGTH].find(
    (maxLength) => message === `Use at most ${maxLength} characters.`,
  );
  if (limit !== undefined) return useAtMost(limit);

  switch (message) {
    case 'Enter a name.':
      return msg('Enter a name.');
    case 'Remove line breaks, control characters and text-direction marks from the name.':
      return msg('Remove line breaks, control characters and text-direction marks from the name.');
    case 'Enter a name with at least one visible character.':
      return msg('Enter a name with at least one visible character.');
    case 'Enter a valid email address, such as name@example.com.':
      return msg('Enter a valid email address, such as name@example.com.');
    case `Use at most ${MAX_EMAIL_LOCAL_PART_LENGTH} characters before the @.`: {
      const max = formatNumber(MAX_EMAIL_LOCAL_PART_LENGTH);
      return msg(str`Use at most ${max} characters before the @.`);
    }
    default:
      return message;
  }
}

function useAtMost(maxLength: number): string {
  const max = formatNumber(maxLength);
  return msg(str`Use at most ${max} characters.`);
}
