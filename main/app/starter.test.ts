import { describe, expect, it } from 'vitest';
import { detectRuntime } from './runtime-plan';
import { starterFiles } from './starter';

function asProject(files: { path: string; content: string }[]) {
  const map = new Map(files.map((f) => [f.path, f.content]));
  return { names: new Set(map.keys()), read: (name: string) => map.get(name) };
}

describe('starterFiles', () => {
  for (const runtime of ['static', 'python', 'node'] as const) {
    it(`the ${runtime} starter is detected as ${runtime} and its page names the domain, escaped`, () => {
      const files = starterFiles(runtime, 'example.kr<x>');
      expect(detectRuntime(asProject(files)).runtime).toBe(runtime);
      const text = files.map((f) => f.content).join('\n');
      expect(text).toContain('example.kr&#60;x&#62; works');
      expect(text).not.toContain('example.kr<x>');
    });
  }
});
