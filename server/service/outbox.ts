import type { ServiceContext } from './service-context.js';
import { nowIso } from './service-context.js';

/** An email waiting in the outbox. The reference server stores emails and sends none. */
export interface OutboxEmail {
  id: number;
  recipient: string;
  subject: string;
  body: string;
  createdAt: string;
}

/** Writes an email to the outbox table; call it inside the transaction of the change. */
export function queueEmail(
  context: ServiceContext,
  email: Pick<OutboxEmail, 'recipient' | 'subject' | 'body'>,
): void {
  context.db.run('INSERT INTO outbox (recipient, subject, body, created_at) VALUES (?, ?, ?, ?)', [
    email.recipient,
    email.subject,
    email.body,
    nowIso(context),
  ]);
}

/** Returns the emails in the outbox, oldest first. */
export function listOutbox(context: Pick<ServiceContext, 'db'>): OutboxEmail[] {
  return context.db.all<OutboxEmail>(
    `SELECT id, recipient, subject, body, created_at AS createdAt FROM outbox ORDER BY id`,
  );
}
