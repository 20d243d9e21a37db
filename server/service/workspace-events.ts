import type { WorkspaceEventType } from '../../sdk/schemas/workspace-event.js';
import { randomToken } from './secrets.js';

/** How many events each workspace keeps for clients that reconnect. */
export const DEFAULT_EVENT_BUFFER_SIZE = 1000;

/** One published event, as the event stream sends it. */
export interface PublishedEvent {
  /** `<epoch>-<sequence>`, such as `k3x9p2-1042`. */
  id: string;
  sequence: number;
  type: WorkspaceEventType;
  /** The event's data as JSON text. */
  data: string;
}

/** A connection that receives the events of one workspace. */
export interface EventSubscriber {
  /** The member whose session opened the connection; it is closed when they are removed. */
  memberId: string;
  deliver(event: PublishedEvent): void;
  /** Called once when the hub closes, such as when the server stops. */
  close(): void;
}

/** A new subscription: what the subscriber receives before the events published later. */
export interface Subscription {
  /**
   * The events missed since the subscriber's last event id, oldest first, or `'reset'` when
   * the id is not from this hub or older than the events it keeps.
   */
  catchUp: readonly PublishedEvent[] | 'reset';
  /** The id of the newest event of the whole hub, for a client that has seen none yet. */
  position: string;
  unsubscribe(): void;
}

interface Channel {
  buffer: PublishedEvent[];
  /** The sequence number of the newest event that was dropped from the buffer, or 0. */
  droppedThrough: number;
  subscribers: Set<EventSubscriber>;
}

const EVENT_ID = /^([a-z0-9]{1,32})-(\d{1,15})$/;

/**
 * Publishes the changes of each workspace to the event streams of its members, and keeps the
 * newest events of each workspace so that a client that reconnects with its last event id
 * gets what it missed.
 *
 * Event ids carry the hub's epoch, a random value chosen when it is created. An id from
 * another hub, such as one of a server process that has since restarted, cannot be resumed,
 * and its client gets a `reset` event.
 *
 * NOTE: the hub lives in one process. Two server processes that share one database file
 * each publish only their own changes, so a client sees the other process's changes only
 * after a reset or a reload.
 */
export class WorkspaceEventHub {
  /** The random part of every event id of this hub. */
  readonly epoch: string;
  readonly #bufferSize: number;
  readonly #channels = new Map<string, Channel>();
  #sequence = 0;
  #closed = false;

  constructor(options: { bufferSize?: number; epoch?: string } = {}) {
    const bufferSize = options.bufferSize ?? DEFAULT_EVENT_BUFFER_SIZE;
    if (!Number.isInteger(bufferSize) || bufferSize < 1) {
      throw new RangeError(`bufferSize must be a whole number from 1, not ${bufferSize}.`);
    }
    this.#bufferSize = bufferSize;
    this.epoch = options.epoch ?? randomToken(8);
  }

  /** Publishes an event to the workspace's subscribers and keeps it for catch-up. */
  publish(workspaceId: string, type: WorkspaceEventType, data: unknown): PublishedEvent {
    this.#sequence += 1;
    const event: PublishedEvent = {
      id: `${this.epoch}-${this.#sequence}`,
      sequence: this.#sequence,
      type,
      data: JSON.stringify(data),
    };

    const channel = this.#channel(workspaceId);
    channel.buffer.push(event);
    if (channel.buffer.length > this.#bufferSize) {
      const dropped = channel.buffer.shift();
      if (dropped !== undefined) channel.droppedThrough = dropped.sequence;
    }
    for (const subscriber of [...channel.subscribers]) subscriber.deliver(event);
    if (type === 'member-removed') this.#closeRemovedMember(channel, data);
    return event;
  }

  /**
   * Adds a subscriber to a workspace and returns the events it missed after `lastEventId`.
   * The catch-up and the subscription are taken together, so no event falls between them.
   * After `close()`, the subscriber is closed at once.
   */
  subscribe(
    workspaceId: string,
    lastEventId: string | undefined,
    subscriber: EventSubscriber,
  ): Subscription {
    const channel = this.#channel(workspaceId);
    const subscription: Subscription = {
      catchUp: lastEventId === undefined ? [] : this.#catchUp(channel, lastEventId),
      position: `${this.epoch}-${this.#sequence}`,
      unsubscribe: () => {
        channel.subscribers.delete(subscriber);
      },
    };
    if (this.#closed) subscriber.close();
    else channel.subscribers.add(subscriber);
    return subscription;
  }

  /** Counts the subscribers of one workspace, or of every workspace. */
  subscriberCount(workspaceId?: string): number {
    if (workspaceId !== undefined) return this.#channels.get(workspaceId)?.subscribers.size ?? 0;
    let count = 0;
    for (const channel of this.#channels.values()) count += channel.subscribers.size;
    return count;
  }

  /** Closes every subscriber, so that open event streams end; later subscribers close at once. */
  close(): void {
    this.#closed = true;
    for (const channel of this.#channels.values()) {
      const subscribers = [...channel.subscribers];
      channel.subscribers.clear();
      for (const subscriber of subscribers) subscriber.close();
    }
  }

  /** Ends the streams of a member who no longer belongs to the workspace. */
  #closeRemovedMember(channel: Channel, data: unknown): void {
    const memberId = (data as { memberId?: unknown }).memberId;
    for (const subscriber of [...channel.subscribers]) {
      if (subscriber.memberId !== memberId) continue;
      channel.subscribers.delete(subscriber);
      subscriber.close();
    }
  }

  #catchUp(channel: Channel, lastEventId: string): readonly PublishedEvent[] | 'reset' {
    const match = EVENT_ID.exec(lastEventId);
    if (match === null || match[1] !== this.epoch) return 'reset';

    const sequence = Number(match[2]);
    // An id from the future cannot be placed, and one older than the buffer has gaps after it.
    if (sequence > this.#sequence || sequence < channel.droppedThrough) return 'reset';
    return channel.buffer.filter((event) => event.sequence > sequence);
  }

  #channel(workspaceId: string): Channel {
    let channel = this.#channels.get(workspaceId);
    if (channel === undefined) {
      channel = { buffer: [], droppedThrough: 0, subscribers: new Set() };
      this.#channels.set(workspaceId, channel);
    }
    return channel;
  }
}
