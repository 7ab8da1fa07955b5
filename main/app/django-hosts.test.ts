import { describe, expect, it } from 'vitest';
import { djangoHostNotes } from './django-hosts';

describe('djangoHostNotes', () => {
  it('names ALLOWED_HOSTS when the domain is not in it, and CSRF_TRUSTED_ORIGINS behind HTTPS', () => {
    const settings = "DEBUG = False\nALLOWED_HOSTS = ['localhost', '127.0.0.1']\n";
    expect(djangoHostNotes(settings, 'example.kr', true)).toEqual([
      { code: 'djangoAllowedHosts', domain: 'example.kr' },
      { code: 'djangoCsrfOrigins', domain: 'example.kr' },
    ]);
  });

  it('accepts the domain itself, a leading-dot suffix, * and a matching trusted origin', () => {
    expect(djangoHostNotes("ALLOWED_HOSTS = ['.example.kr']\nCSRF_TRUSTED_ORIGINS = ['https://example.kr']", 'example.kr', true)).toEqual([]);
    expect(djangoHostNotes("ALLOWED_HOSTS = ('*',)\nCSRF_TRUSTED_ORIGINS = ['https://*.example.kr']", 'www.example.kr', true)).toEqual([]);
  });

  it('says nothing when the lists come from the environment (it cannot know)', () => {
    const settings = "ALLOWED_HOSTS = os.environ['HOSTS'].split(',')\nCSRF_TRUSTED_ORIGINS = env('ORIGINS')\n";
    expect(djangoHostNotes(settings, 'example.kr', true)).toEqual([]);
  });

  it('over plain http only ALLOWED_HOSTS matters', () => {
    expect(djangoHostNotes("ALLOWED_HOSTS = []\n", 'example.kr', false)).toEqual([{ code: 'djangoAllowedHosts', domain: 'example.kr' }]);
  });
});
