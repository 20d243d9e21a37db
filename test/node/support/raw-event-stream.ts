/** One block of an event stream as the server wrote it, split into its fields. */
export interface RawBlock {
  event?: string;
  data?: string;
  id?: string;
  retry?: string;
  /** The text of a comment line, without the colon. */
  comment?: string;
}

/**
 * Reads an event stream's raw text for server tests, independently of the SDK's parser. The
 * server writes LF line ends, one field per line and no multi-line data.
 */
export class RawEventStream {
  readonly response: Response;
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #decoder = new TextDecoder();
  readonly #blocks: RawBlock[] = [];
  /** A read that a timeout outlived; the next read waits for it instead of losing it. */
  #pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  #text = '';
  #ended = false;
  #failed = false;

  constructor(response: Response) {
    if (response.body === null) throw new Error('The response has no body to read.');
    this.response = response;
    this.#reader = response.body.getReader();
  }

  /** Whether the stream ended, because the server ended it or the connection closed. */
  get ended(): boolean {
    return this.#ended;
  }

  /** Whether the connection closed before the server ended the response. */
  get failed(): boolean {
    return this.#failed;
  }

  /** Waits for the next block, or fails after `timeoutMs` or when the stream ends first. */
  async next(timeoutMs = 2000): Promise<RawBlock> {
    const deadline = Date.now() + timeoutMs;
    while (this.#blocks.length === 0) {
      if (this.#ended) throw new Error('The event stream ended before the next block.');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No event stream block arrived within ${timeoutMs} ms.`);
      await this.#read(left);
    }
    return this.#blocks.shift() as RawBlock;
  }

  /** Waits for the next block that is an event, skipping ids, retries and comments. */
  async nextEvent(timeoutMs = 2000): Promise<RawBlock> {
    for (;;) {
      const block = await this.next(timeoutMs);
      if (block.event !== undefined || block.data !== undefined) return block;
    }
  }

  /** Collects every block that arrives within `ms` milliseconds. */
  async collect(ms: number): Promise<RawBlock[]> {
    const deadline = Date.now() + ms;
    while (!this.#ended && Date.now() < deadline) await this.#read(deadline - Date.now());
    return this.#blocks.splice(0);
  }

  /** Waits up to `timeoutMs` for the server to end the stream, and returns whether it did. */
  async waitForEnd(timeoutMs = 2000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.#ended && Date.now() < deadline) await this.#read(deadline - Date.now());
    return this.#ended;
  }

  async cancel(): Promise<void> {
    await this.#reader.cancel().catch(() => {});
  }

  async #read(timeoutMs: number): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    // A connection that closes before the last chunk ends the stream as well.
    this.#pending ??= this.#reader.read().catch(() => {
      this.#failed = true;
      return { done: true, value: undefined };
    });
    const result = await Promise.race([this.#pending, timeout]);
    clearTimeout(timer);
    if (result === 'timeout') return;
    this.#pending = null;
    if (result.done) {
      this.#ended = true;
      return;
    }
    this.#text += this.#decoder.decode(result.value, { stream: true });
    let end = this.#text.indexOf('\n\n');
    while (end !== -1) {
      this.#blocks.push(parseBlock(this.#text.slice(0, end)));
      this.#text = this.#text.slice(end + 2);
      end = this.#text.indexOf('\n\n');
    }
  }
}

function parseBlock(text: string): RawBlock {
  const block: RawBlock = {};
  for (const line of text.split('\n')) {
    if (line.startsWith(':')) {
      block.comment = line.slice(1).trim();
      continue;
    }
    const colon = line.indexOf(':');
    const field = line.slice(0, colon) as 'event' | 'data' | 'id' | 'retry';
    block[field] = line.slice(colon + 1).replace(/^ /, '');
  }
  return block;
}
