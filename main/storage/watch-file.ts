/**
 * Calls `onChange` (debounced) when `fileName` in `dir` (or the name the function
 * gives at that moment) is written or replaced,
 * e.g. by another process sharing the data dir. Watches the directory, since
 * an atomic write replaces the file's inode. Returns the stop function.
 */
import { watch } from 'node:fs';

export function watchFile(dir: string, fileName: string | (() => string), onChange: () => void, debounceMs = 50): () => void {
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(dir, { persistent: false }, (_event, name) => {
    if (name !== (typeof fileName === 'string' ? fileName : fileName())) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
  const stop = () => {
    clearTimeout(timer);
    watcher.close();
  };
  watcher.on('error', stop);
  return stop;
}
