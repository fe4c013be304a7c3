/** A progress bar on stderr for long CLI jobs (seed --scale, embed --backfill); silent when not a TTY. */
import cliProgress from 'cli-progress';
import type { StartupProgress } from './runtime.js';

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
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: '{phase} [{bar}] {percentage}% | {value}/{total} | eta {eta}s', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
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

/**
 * First-start steps on stderr, one line when a step begins and one when it ends (with its time),
 * so a first `npm start` or a first `mcp` spawned by Claude Desktop never looks hung. Lines, not
 * a redrawn bar: the log shares stderr. `write` is for tests.
 */
export function startupSteps(write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): StartupProgress {
  return {
    step(label) {
      const started = Date.now();
      write(`crm-agent: ${label}...`);
      return {
        done: (summary) =>
          write(`crm-agent: ${label}: done in ${((Date.now() - started) / 1000).toFixed(1)} s${summary ? ` (${summary})` : ''}`),
      };
    },
    note: (line) => write(`crm-agent: ${line}`),
  };
}

/**
 * Reports the background embedding of the texts queued at start (`pending`): a line now and one
 * when that many have been processed. Returns the worker's `onProgress`, or undefined when
 * nothing was queued.
 */
export function backfillProgress(
  progress: StartupProgress,
  pending: number,
): ((p: { processed: number; failed: number }) => void) | undefined {
  if (pending <= 0) return undefined;
  const step = progress.step(`embedding ${pending} texts for search in the background (search by meaning covers them as they finish)`);
  let finished = false;
  return (p) => {
    if (finished || p.processed + p.failed < pending) return;
    finished = true;
    step.done(`${p.processed} embedded${p.failed ? `, ${p.failed} failed (retried later)` : ''}`);
  };
}
