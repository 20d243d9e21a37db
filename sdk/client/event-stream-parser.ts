/** One event as the `text/event-stream` format dispatches it. */
export interface ParsedEvent {
  /** The `event` field, or `message` when the event had none. */
  type: string;
  /** The `data` fields joined with line feeds. */
  data: string;
  /** The last event id as of this event: its own `id` field or the latest one before it. */
  lastEventId: string;
}

/** The callbacks that the parser calls while it reads a stream. */
export interface EventStreamParserHandlers {
  /** Called for each event with data. */
  onEvent(event: ParsedEvent): void;
  /**
   * Called when a blank line ends a block that changed the last event id, also when the block
   * had no data and therefore dispatches no event.
   */
  onLastEventId?(lastEventId: string): void;
  /** Called with the reconnection time of a valid `retry` field, in milliseconds. */
  onRetry?(milliseconds: number): void;
}

/**
 * Parses `text/event-stream` bytes as the WHATWG HTML standard's "Interpreting an event
 * stream" section describes: UTF-8 with an optional byte order mark, lines ended by CR, LF
 * or CRLF, comment lines that start with a colon, and the `event`, `data`, `id` and `retry`
 * fields. Chunks may split the stream anywhere, also inside a line ending or a multi-byte
 * character. An event that the stream's end cuts off is discarded.
 */
export class EventStreamParser {
  readonly #handlers: EventStreamParserHandlers;
  // The decoder drops a leading byte order mark (its `ignoreBOM` is false by default).
  readonly #decoder = new TextDecoder('utf-8');
  #line = '';
  /** Whether the last chunk ended with CR, so that an LF that starts the next one is skipped. */
  #afterCarriageReturn = false;
  #type = '';
  #data = '';
  #lastEventIdBuffer = '';
  #lastEventId = '';

  constructor(handlers: EventStreamParserHandlers) {
    this.#handlers = handlers;
  }

  /** The last event id as of the last dispatched event. */
  get lastEventId(): string {
    return this.#lastEventId;
  }

  /** Parses the next bytes of the stream. */
  push(chunk: Uint8Array): void {
    this.#parse(this.#decoder.decode(chunk, { stream: true }));
  }

  /** Ends the stream: parses any bytes the decoder held back and drops an unfinished event. */
  end(): void {
    this.#parse(this.#decoder.decode());
    this.#line = '';
    this.#type = '';
    this.#data = '';
  }

  #parse(text: string): void {
    let start = 0;
    if (this.#afterCarriageReturn && text.startsWith('\n')) start = 1;
    if (text !== '') this.#afterCarriageReturn = false;

    for (let index = start; index < text.length; index++) {
      const char = text[index];
      if (char !== '\r' && char !== '\n') continue;

      this.#processLine(this.#line + text.slice(start, index));
      this.#line = '';
      if (char === '\r') {
        if (index + 1 === text.length) this.#afterCarriageReturn = true;
        else if (text[index + 1] === '\n') index++;
      }
      start = index + 1;
    }
    this.#line += text.slice(start);
  }

  #processLine(line: string): void {
    if (line === '') {
      this.#dispatch();
      return;
    }
    if (line.startsWith(':')) return;

    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);

    switch (field) {
      case 'event':
        this.#type = value;
        break;
      case 'data':
        this.#data += `${value}\n`;
        break;
      case 'id':
        // The standard ignores an id with a NULL character, which a server cannot mean.
        if (!value.includes('\0')) this.#lastEventIdBuffer = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.#handlers.onRetry?.(Number(value));
        break;
      default:
        // The standard ignores unknown fields.
        break;
    }
  }

  #dispatch(): void {
    if (this.#lastEventIdBuffer !== this.#lastEventId) {
      this.#lastEventId = this.#lastEventIdBuffer;
      this.#handlers.onLastEventId?.(this.#lastEventId);
    }
    if (this.#data === '') {
      this.#type = '';
      return;
    }

    const event: ParsedEvent = {
      type: this.#type === '' ? 'message' : this.#type,
      data: this.#data.slice(0, -1),
      lastEventId: this.#lastEventId,
    };
    this.#type = '';
    this.#data = '';
    this.#handlers.onEvent(event);
  }
}
