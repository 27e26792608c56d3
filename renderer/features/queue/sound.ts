// Whether the waiting-room board may make a sound. A browser's autoplay rule keeps Web Audio (and speech)
// silent until someone clicks or presses a key on the page: a board on a TV would then call tickets
// without a chime, and nobody would know. So the board tries at once, says "blocked" when held, and
// takes the first click or key press to turn sound on. Electron's board window allows autoplay itself
// (main/host/electron-window.ts), so there the state goes straight to "on".

export type SoundState = 'checking' | 'on' | 'blocked' | 'none';

/** How long a first start may take before the board calls sound blocked (a held resume() never settles). */
const START_WITHIN_MS = 500;

let context: AudioContext | null | undefined;
let state: SoundState = 'checking';
const listeners = new Set<(s: SoundState) => void>();

function set(next: SoundState): void {
  if (next === state) return;
  state = next;
  for (const l of listeners) l(next);
}

/** The page's one AudioContext (a context per chime would be held anew each time); null without Web Audio. */
export function audioContext(): AudioContext | null {
  if (context !== undefined) return context;
  const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  context = Ctx ? new Ctx() : null;
  if (!context) set('none');
  else
    context.addEventListener(
      'statechange',
      () => context && context.state !== 'closed' && set(context.state === 'running' ? 'on' : 'blocked'),
    );
  return context;
}

/** Starts sound if the browser lets it; 'blocked' when its autoplay rule holds it back. */
export async function startSound(): Promise<SoundState> {
  const ctx = audioContext();
  if (!ctx) return state;
  if (ctx.state !== 'running') {
    const timer = new Promise<void>((resolve) => setTimeout(resolve, START_WITHIN_MS));
    await Promise.race([ctx.resume().catch(() => undefined), timer]);
  }
  set(ctx.state === 'running' ? 'on' : 'blocked');
  return state;
}

export const soundState = (): SoundState => state;

export function onSoundState(listener: (s: SoundState) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
