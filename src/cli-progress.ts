/** A progress bar on stderr for long CLI jobs (seed --scale, embed --backfill); silent when not a TTY. */
import cliProgress from 'cli-progress';

export interface Progress {
  update: (done: number, total: number, phase: string) => void;
  stop: () => void;
}

export function progressBar(): Progress {
  if (!process.stderr.isTTY) {
    let lastPhase = '';
    return {
      update: (_d, _t, phase) => {
        if (phase !== lastPhase) process.stderr.write(`${phase}...\n`);
        lastPhase = phase;
      },
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar({ stream: process.stderr, format: '{phase} [{bar}] {percentage}% | {value}/{total} | eta {eta}s', hideCursor: true }, cliProgress.Presets.shades_classic);
  let started = false;
  let phase = '';
  return {
    update(done, total, p) {
      if (!started || p !== phase) {
        if (started) bar.stop();
        bar.start(total, done, { phase: p });
        started = true;
        phase = p;
      } else bar.update(done, { phase: p });
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
