// One progress line on a terminal during a build ("digest: [3/5] rendering the site… 2.1 s"), rewritten
// in place and cleared at the end. Nothing at all when stdout is not a terminal or the build is quiet.
export interface Progress {
  step(label: string): void;
  done(): void;
}

const SILENT: Progress = { step: () => {}, done: () => {} };

/** The part of a terminal stream the line needs (process.stdout by default). */
export interface LineStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export function startProgress(options: { quiet?: boolean; steps: number; stream?: LineStream }): Progress {
  const stream = options.stream ?? process.stdout;
  if (options.quiet || !stream.isTTY) return SILENT;
  const started = performance.now();
  let n = 0;
  let shown = false;
  const width = () => Math.max(20, (stream.columns || 80) - 1);
  return {
    step(label: string) {
      n++;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const line = `digest: [${Math.min(n, options.steps)}/${options.steps}] ${label}… ${seconds} s`;
      stream.write(`\r\x1b[K${line.slice(0, width())}`);
      shown = true;
    },
    done() {
      if (shown) stream.write("\r\x1b[K");
      shown = false;
    },
  };
}
