/**
 * The WebGL renderer when the machine renders WebGL on a GPU, else xterm's DOM
 * renderer. Software WebGL (SwiftShader, llvmpipe: VMs, remote desktops,
 * blocklisted drivers) is several times slower than the DOM renderer, so it
 * counts as "no WebGL". On a lost GL context (GPU reset, driver update, too
 * many contexts) the addon is disposed and xterm falls back to the DOM
 * renderer by itself.
 *
 * `localStorage['onramp.terminalRenderer'] = 'webgl' | 'dom'` overrides the
 * choice (for diagnosing rendering problems, and for tests of the fallback).
 */
import { WebglAddon } from '@xterm/addon-webgl';
import type { Terminal } from '@xterm/xterm';

export type RendererKind = 'webgl' | 'dom';

const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;
const OVERRIDE_KEY = 'onramp.terminalRenderer';

/** 'gpu', 'software' or 'none' for this machine's WebGL2. */
export function webglSupport(): 'gpu' | 'software' | 'none' {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return 'none';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext(); // free the probe's context now
    return SOFTWARE_GL.test(renderer) ? 'software' : 'gpu';
  } catch {
    return 'none';
  }
}

function wanted(): RendererKind {
  const override = globalThis.localStorage?.getItem(OVERRIDE_KEY);
  if (override === 'webgl' || override === 'dom') return override;
  return webglSupport() === 'gpu' ? 'webgl' : 'dom';
}

/** Call after `term.open`. `onChange` hears about a fallback after a context loss. */
export function loadBestRenderer(term: Terminal, onChange: (kind: RendererKind) => void): RendererKind {
  if (wanted() === 'dom') return 'dom';
  let addon: WebglAddon | undefined;
  try {
    addon = new WebglAddon();
    const loaded = addon;
    loaded.onContextLoss(() => {
      loaded.dispose();
      onChange('dom');
    });
    term.loadAddon(loaded);
    return 'webgl';
  } catch {
    addon?.dispose();
    return 'dom';
  }
}
