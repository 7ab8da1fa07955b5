/**
 * Both languages have the same keys, and the Korean follows docs/GLOSSARY.md:
 * no English word that has a Korean term, no avoided word, 해요체 only.
 */
import { describe, expect, it } from 'vitest';
import glossaryMarkdown from '../../docs/GLOSSARY.md?raw';
import { koreanProblems, parseGlossary } from './glossary';

type Tree = { [key: string]: string | Tree };
const files = import.meta.glob<Tree>('./locales/*/*.json', { eager: true, import: 'default' });

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** `namespace:key` → text, per language. */
function strings(language: 'en' | 'ko'): Map<string, string> {
  const out = new Map<string, string>();
  for (const [file, tree] of Object.entries(files)) {
    const match = /\.\/locales\/(\w+)\/([\w-]+)\.json$/.exec(file);
    if (match?.[1] !== language) continue;
    for (const [key, text] of flatten(tree)) out.set(`${match[2]}:${key}`, text);
  }
  return out;
}

const glossary = parseGlossary(glossaryMarkdown);
const en = strings('en');
const ko = strings('ko');

describe('locales', () => {
  it('loads both languages and the glossary', () => {
    expect(en.size).toBeGreaterThan(100);
    expect(glossary.filter((term) => term.treatment === 'translate').length).toBeGreaterThan(20);
    expect(glossary.find((term) => term.english === 'passphrase')).toMatchObject({ korean: '암호 문구', avoid: ['암호문'] });
  });

  it('has every key in both languages', () => {
    expect([...ko.keys()].filter((key) => !en.has(key)), 'only in ko').toEqual([]);
    expect([...en.keys()].filter((key) => !ko.has(key)), 'only in en').toEqual([]);
  });

  it('writes Korean with the glossary terms, in 해요체', () => {
    const problems = [...ko].flatMap(([key, text]) => koreanProblems(text, glossary).map((problem) => `${key}: ${problem}`));
    expect(problems).toEqual([]);
  });
});

describe('koreanProblems', () => {
  it('catches an English term, an avoided word and 합니다체, and allows kept names, commands and quotes', () => {
    expect(koreanProblems('보관함의 passphrase를 입력해 주세요.', glossary)).toEqual(['"passphrase" should be 암호 문구']);
    expect(koreanProblems('암호문을 입력해 주세요.', glossary)).toEqual(['"암호문" should be 암호 문구']);
    expect(koreanProblems('저장했습니다.', glossary)).toEqual(['합니다체: write 해요체']);
    expect(koreanProblems('보관함을 엽니다', glossary)).toEqual(['합니다체: write 해요체']);
    expect(koreanProblems('gnome-keyring과 Secret Service를 켠 뒤 `aws sso login --profile {{profile}}`을 실행해요. 머리글 "Secret access key"가 있어야 해요.', glossary)).toEqual([]);
    expect(koreanProblems('Vault가 잠겨 있어요.', glossary)).toEqual(['"vault" should be 보관함']);
  });
});
