import type { Member } from '../../sdk/schemas/member.js';

/**
 * Writes the message an admin sends a member to switch their tools from the legacy API key
 * to their auth token.
 */
export function switchMessage(member: Member, deprecationDay: string, workspaceName: string) {
  const keyHint = member.legacyKey === null ? '' : ` (${member.legacyKey.hint})`;
  return [
    `Hi ${member.name},`,
    '',
    `Legacy personal API keys are deprecated and stop working on ${deprecationDay}. ` +
      `Please switch your tools to your auth token before then:`,
    '',
    `1. Open your Auth Tokens page in ${workspaceName} and copy your auth token ` +
      `(rotate it if you no longer have its value).`,
    `2. In your tool's configuration, replace the legacy API key${keyHint} with the auth ` +
      `token, and set the credential type from "api-key" to "auth-token".`,
    '3. Start the tool once, so we can see the auth token in use.',
    '',
    'Your license stays the same, and from then on license changes need no change to your ' +
      'configuration.',
  ].join('\n');
}
