/**
 * Korean particles after an interpolated value: `{{ip, 을/를}}` gives
 * "203.0.113.10을" and `{{name, 이/가}}` gives "onramp-admin이" (i18next
 * formatters, added in ./index.ts). The particle follows how the value's last
 * character is read aloud:
 * - a Hangul syllable: by its final consonant (batchim);
 * - a digit: by its Sino-Korean reading (영 일 이 삼 사 오 육 칠 팔 구);
 * - a capital letter (an acronym such as IAM or SSH): by the letter's name
 *   (엘, 엠, 엔, 알 end in a consonant);
 * - a lower-case word (a domain, a user or group name): by common English
 *   endings: …m, …n, …ng and …l end in a consonant, and so does a stop (k, p,
 *   t, b, d, g) right after a vowel (web 웹, net 넷); after a consonant it is
 *   read with a vowel (test 테스트, host 호스트).
 * Trailing punctuation and brackets are skipped. `으로/로` takes 로 after ㄹ.
 */
import type { i18n } from 'i18next';

export const PARTICLES = ['을/를', '이/가', '은/는', '과/와', '으로/로'] as const;
export type Particle = (typeof PARTICLES)[number];

/** none: ends in a vowel; rieul: ends in ㄹ; other: ends in another final consonant. */
type Ending = 'none' | 'rieul' | 'other';

const DIGIT_ENDINGS: Record<string, Ending> = { '0': 'other', '1': 'rieul', '2': 'none', '3': 'other', '4': 'none', '5': 'none', '6': 'other', '7': 'rieul', '8': 'rieul', '9': 'none' };
const RIEUL_FINAL = 8; // ㄹ as a final consonant in a precomposed syllable

function endingOf(value: string): Ending {
  const text = value.replace(/[\s.,;:!?'"`)\]}>/\\-]+$/u, '');
  const last = text.at(-1);
  if (!last) return 'none';
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) {
    const final = (code - 0xac00) % 28;
    return final === 0 ? 'none' : final === RIEUL_FINAL ? 'rieul' : 'other';
  }
  if (last in DIGIT_ENDINGS) return DIGIT_ENDINGS[last] ?? 'none';
  if (/[A-Z]/.test(last)) return last === 'L' || last === 'R' ? 'rieul' : last === 'M' || last === 'N' ? 'other' : 'none';
  const lower = text.toLowerCase();
  if (/l$/.test(lower)) return 'rieul';
  if (/(m|n|ng)$/.test(lower) || /[aeiou][kptbdg]$/.test(lower)) return 'other';
  return 'none';
}

export function withParticle(value: unknown, particle: Particle): string {
  const text = String(value);
  const ending = endingOf(text);
  const [afterConsonant, afterVowel] = particle.split('/') as [string, string];
  if (particle === '으로/로') return text + (ending === 'other' ? afterConsonant : afterVowel);
  return text + (ending === 'none' ? afterVowel : afterConsonant);
}

/** Adds one formatter per particle to an initialised i18next instance. */
export function registerParticles(instance: i18n): void {
  for (const particle of PARTICLES) instance.services.formatter?.add(particle, (value: unknown) => withParticle(value, particle));
}
