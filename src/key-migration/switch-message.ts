import { msg, str } from '@lit/localize';

import type { Member } from '../../sdk/schemas/member.js';

/**
 * Writes the message an admin sends a member to switch their tools from the legacy API key
 * to their auth token, in the active locale.
 */
export function switchMessage(member: Member, deprecationDay: string, workspaceName: string) {
  const name = member.name;
  const keyHint = member.legacyKey === null ? '' : ` (${member.legacyKey.hint})`;
  return [
    msg(str`Hi ${name},`),
    '',
    msg(
      str`Legacy personal API keys are deprecated and stop working on ${deprecationDay}. Please switch your tools to your auth token before then:`,
    ),
    '',
    msg(
      str`1. Open your Auth Tokens page in ${workspaceName} and copy your auth token (rotate it if you no longer have its value).`,
    ),
    msg(
      str`2. In your tool's configuration, replace the legacy API key${keyHint} with the auth token, and set the credential type from "api-key" to "auth-token".`,
    ),
    msg('3. Start the tool once, so we can see the auth token in use.'),
    '',
    msg(
      'Your license stays the same, and from then on license changes need no change to your configuration.',
    ),
  ].join('\n');
}
