import { createHash, randomBytes, randomUUID } from 'node:crypto';

export interface Session {
  /** Not secret: names the session in events so a window can tell its own. */
  id: string;
  tokenHash: string;
  userId: string;
  createdAt: number;
  lastActivityAt: number;
  locked: boolean;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Sessions live in memory: a restart asks officers to log in again, which is what a counter expects,
 * and tokens never touch the disk. Only the token's hash is kept, so a heap dump cannot be replayed.
 */
export class SessionStore {
  private readonly byHash = new Map<string, Session>();

  create(userId: string, now: number): { token: string; session: Session } {
    const token = randomBytes(32).toString('base64url');
    const session: Session = { id: randomUUID(), tokenHash: hashToken(token), userId, createdAt: now, lastActivityAt: now, locked: false };
    this.byHash.set(session.tokenHash, session);
    return { token, session };
  }

  get(token: string | undefined): Session | undefined {
    return token ? this.byHash.get(hashToken(token)) : undefined;
  }

  end(session: Session): void {
    this.byHash.delete(session.tokenHash);
  }

  endAllFor(userId: string): void {
    for (const s of this.byHash.values()) if (s.userId === userId) this.byHash.delete(s.tokenHash);
  }

  clear(): void {
    this.byHash.clear();
  }

  all(): Session[] {
    return [...this.byHash.values()];
  }
}
