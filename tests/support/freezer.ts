// A TCP proxy in front of a real central that can freeze it the way SIGSTOP freezes a process: while
// frozen, connections are still accepted (the kernel's backlog does that for a stopped process) and
// bytes already sent stay unread, but nothing is answered. Thawing lets every held byte through, so
// requests sent during the freeze are answered then, as a process resumed by SIGCONT would. It can also
// cut central off (every connection reset at once, as a killed process or a pulled cable gives) and
// restore it.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface Freezer {
  /** Where desks connect instead of central. */
  url: string;
  frozen: boolean;
  freeze(): void;
  /** Resets every connection, open and new, until restored. */
  cut(): void;
  restore(): void;
  thaw(): void;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket | undefined;
}

export async function startFreezer(target: string): Promise<Freezer> {
  const { hostname, port } = new URL(target);
  const pairs = new Set<Pair>();
  let frozen = false;
  let cutOff = false;

  const link = (p: Pair): void => {
    if (!p.upstream) {
      p.upstream = connect(Number(port), hostname);
      p.upstream.on('error', () => p.client.destroy());
      p.upstream.on('close', () => p.client.destroy());
    }
    p.client.pipe(p.upstream);
    p.upstream.pipe(p.client);
  };
  const hold = (p: Pair): void => {
    p.client.unpipe();
    p.upstream?.unpipe();
    p.client.pause();
    p.upstream?.pause();
  };

  const server: Server = createServer((client) => {
    if (cutOff) {
      client.on('error', () => undefined);
      client.resetAndDestroy();
      return;
    }
    const p: Pair = { client, upstream: undefined };
    pairs.add(p);
    client.on('error', () => undefined);
    client.on('close', () => {
      pairs.delete(p);
      p.upstream?.destroy();
    });
    if (frozen) client.pause();
    else link(p);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');

  const freezer: Freezer = {
    url: `http://127.0.0.1:${address.port}`,
    get frozen() {
      return frozen;
    },
    set frozen(v: boolean) {
      if (v) freezer.freeze();
      else freezer.thaw();
    },
    freeze() {
      frozen = true;
      for (const p of pairs) hold(p);
    },
    thaw() {
      frozen = false;
      for (const p of pairs) link(p);
    },
    cut() {
      cutOff = true;
      for (const p of pairs) {
        p.client.resetAndDestroy();
        p.upstream?.destroy();
      }
    },
    restore() {
      cutOff = false;
    },
    async close() {
      for (const p of pairs) {
        p.client.destroy();
        p.upstream?.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return freezer;
}
