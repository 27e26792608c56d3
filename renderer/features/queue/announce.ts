// The board's announcement: a two-tone chime (Web Audio), then the Indonesian sentence through the
// Web Speech API with an id-ID voice. Where no Indonesian voice exists, the chime alone; while the
// browser holds sound back (sound.ts), neither: the board shows its control to turn sound on instead.
import { announcementText } from '@common/domain/queue/ticket-number.js';
import { audioContext, startSound } from './sound.js';

function chime(): Promise<void> {
  const ctx = audioContext();
  if (!ctx) return Promise.resolve();
  const tones: Array<[number, number]> = [
    [784, 0],
    [659, 0.45],
  ];
  for (const [freq, at] of tones) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, ctx.currentTime + at);
    gain.gain.exponentialRampToValueAtTime(0.4, ctx.currentTime + at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + at + 0.42);
    osc.connect(gain).connect(ctx.destination);
    osc.start(ctx.currentTime + at);
    osc.stop(ctx.currentTime + at + 0.45);
  }
  return new Promise((resolve) => setTimeout(resolve, 950));
}

const indonesianVoice = (): SpeechSynthesisVoice | undefined =>
  typeof speechSynthesis === 'undefined'
    ? undefined
    : speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().replace('_', '-').startsWith('id'));

/** What happened, for the page's data attribute (tests read it; voices differ per machine). */
export type Announced = { text: string; spoken: boolean };

export async function announce(number: string, counterNumber: number): Promise<Announced> {
  const text = announcementText(number, counterNumber);
  if ((await startSound()) === 'blocked') return { text, spoken: false };
  await chime().catch(() => undefined);
  const voice = indonesianVoice();
  if (!voice) return { text, spoken: false };
  const u = new SpeechSynthesisUtterance(text);
  u.voice = voice;
  u.lang = voice.lang;
  u.rate = 0.9;
  speechSynthesis.speak(u);
  return { text, spoken: true };
}
