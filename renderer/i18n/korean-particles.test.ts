import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { registerParticles, withParticle } from './korean-particles';

type Tree = { [key: string]: string | Tree };
const files = import.meta.glob<Tree>('./locales/ko/*.json', { eager: true, import: 'default' });
const ko = Object.fromEntries(Object.entries(files).map(([file, tree]) => [/([\w-]+)\.json$/.exec(file)?.[1] ?? file, tree]));

describe('Korean particles after a value', () => {
  it.each([
    ['203.0.113.10', '을/를', '203.0.113.10을'], // 십
    ['198.51.100.7', '이/가', '198.51.100.7이'], // 칠
    ['ap-northeast-2', '을/를', 'ap-northeast-2를'], // 이
    ['127.0.0.1', '으로/로', '127.0.0.1로'], // 일: ㄹ takes 로
    ['203.0.113.10', '으로/로', '203.0.113.10으로'],
    ['example.com', '은/는', 'example.com은'],
    ['onramp-admin', '이/가', 'onramp-admin이'],
    ['nginx', '을/를', 'nginx를'],
    ['ns1.onramp.test', '은/는', 'ns1.onramp.test는'], // 테스트
    ['web', '을/를', 'web을'], // 웹
    ['IAM', '과/와', 'IAM과'],
    ['SSH', '이/가', 'SSH가'],
    ['한글도메인', '을/를', '한글도메인을'],
    ['서버', '으로/로', '서버로'],
    ['파일', '으로/로', '파일로'],
    ['/etc/nginx/sites-available/site.kr/', '이/가', '/etc/nginx/sites-available/site.kr/가'],
  ] as const)('%s + %s → %s', (value, particle, expected) => {
    expect(withParticle(value, particle)).toBe(expected);
  });

  it('works as an i18next formatter on the real Korean strings', async () => {
    const instance = i18next.createInstance();
    await instance.init({ lng: 'ko', resources: { ko }, interpolation: { escapeValue: false }, showSupportNotice: false });
    registerParticles(instance);
    expect(instance.t('server:dns.aMismatch', { domain: 'example.com', expected: '203.0.113.10', found: '198.51.100.7' })).toBe(
      'example.com이 서버 203.0.113.10이 아니라 198.51.100.7을 가리키고 있어요. A 레코드를 203.0.113.10으로 바꾸고 TTL이 지날 때까지 기다려 주세요.',
    );
  });

  it('leaves no 을(를)-style pair or a fixed particle after a value in the Korean strings', () => {
    const text = JSON.stringify(ko);
    expect(text.match(/\}\}(을\(를\)|를\(을\)|이\(가\)|가\(이\)|은\(는\)|는\(은\)|과\(와\)|와\(과\)|\(으\)로)/g) ?? []).toEqual([]);
    expect(text.match(/\}\}(을|를|이|가|은|는|과|와|으로|로)(?=[\s.,)]|$)/g) ?? []).toEqual([]);
  });
});
