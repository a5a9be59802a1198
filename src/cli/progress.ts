// Progress on a terminal: one line, rewritten in place and cleared at the end ("digest: [3/5] rendering
// the site… 2.1 s" during a build, counts during a fetch). Nothing at all when the stream is not a
// terminal or the command is quiet.

/** The part of a terminal stream the line needs (process.stdout by default). */
export interface LineStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** One line on a terminal, redrawn in place and cut to the terminal's width (a wrapped line could not be cleared). */
export interface TerminalLine {
  show(text: string): void;
  clear(): void;
}

const NO_LINE: TerminalLine = { show: () => {}, clear: () => {} };

export function terminalLine(stream: LineStream, quiet = false): TerminalLine {
  if (quiet || !stream.isTTY) return NO_LINE;
  let shown = false;
  const width = () => Math.max(20, (stream.columns || 80) - 1);
  return {
    show(text: string) {
      stream.write(`\r\x1b[K${text.slice(0, width())}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write("\r\x1b[K");
      shown = false;
    },
  };
}

export interface Progress {
  step(label: string): void;
  done(): void;
}

/** A build's numbered steps with the seconds since the start. */
export function startProgress(options: { quiet?: boolean; steps: number; stream?: LineStream }): Progress {
  const line = terminalLine(options.stream ?? process.stdout, options.quiet);
  const started = performance.now();
  let n = 0;
  return {
    step(label: string) {
      n++;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      line.show(`digest: [${Math.min(n, options.steps)}/${options.steps}] ${label}… ${seconds} s`);
    },
    done: () => line.clear(),
  };
}
