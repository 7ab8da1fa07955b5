/**
 * Django refuses a domain it does not list: `ALLOWED_HOSTS` (400 Bad Request)
 * and, behind HTTPS, `CSRF_TRUSTED_ORIGINS` (403 on every form). Read the
 * settings text (bounded, linear) and say which of the two will refuse the
 * domain, before the first deploy rather than after a confusing error page.
 */
import type { PlanNote } from './runtime-plan';

const MAX_SETTINGS = 512 * 1024;

/** The list assigned to NAME (`NAME = [...]` or `(...)`), or undefined when it is not a literal list. */
function literalList(settings: string, name: string): string[] | undefined {
  const start = new RegExp(`^${name}\\s*=\\s*[\\[(]`, 'm').exec(settings);
  if (!start) return undefined;
  const from = start.index + start[0].length;
  const end = settings.indexOf(settings[from - 1] === '[' ? ']' : ')', from);
  if (end < 0) return undefined;
  const body = settings.slice(from, end);
  if (/os\.environ|getenv|env\(/.test(body)) return undefined;
  return [...body.matchAll(/["']([^"'\n]{1,300})["']/g)].map((m) => m[1] ?? '');
}

function hostAllowed(patterns: readonly string[], domain: string): boolean {
  return patterns.some((p) => p === '*' || p === domain || (p.startsWith('.') && (domain === p.slice(1) || domain.endsWith(p))));
}

/** Notes for the plan: empty when the settings accept the domain or read it from the environment. */
export function djangoHostNotes(settingsText: string, domain: string, https: boolean): PlanNote[] {
  const settings = settingsText.slice(0, MAX_SETTINGS);
  const notes: PlanNote[] = [];
  const hosts = literalList(settings, 'ALLOWED_HOSTS');
  if (hosts !== undefined && !hostAllowed(hosts, domain)) notes.push({ code: 'djangoAllowedHosts', domain });
  if (https) {
    const origins = literalList(settings, 'CSRF_TRUSTED_ORIGINS');
    const wanted = `https://${domain}`;
    const trusted = origins?.some((o) => o === wanted || (o.startsWith('https://*.') && domain.endsWith(o.slice('https://*'.length))));
    if (origins === undefined ? !/^CSRF_TRUSTED_ORIGINS\s*=/m.test(settings) : !trusted) notes.push({ code: 'djangoCsrfOrigins', domain });
  }
  return notes;
}
