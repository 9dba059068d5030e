import fs from 'node:fs';

/**
 * Preloaded into a process under measurement (`node -r dist/bench/support/heap-probe.js …`):
 * samples the V8 heap every 10 ms and writes the peak since the last reset to
 * BENCH_HEAP_FILE as JSON; SIGUSR2 resets the peak. The process's own code is untouched.
 */
const file = process.env.BENCH_HEAP_FILE;
if (file) {
  let peakHeapUsed = 0;
  let peakHeapTotal = 0;
  const sample = () => {
    const { heapUsed, heapTotal } = process.memoryUsage();
    peakHeapUsed = Math.max(peakHeapUsed, heapUsed);
    peakHeapTotal = Math.max(peakHeapTotal, heapTotal);
  };
  setInterval(sample, 10).unref();
  setInterval(() => {
    // Whole or not at all: the reader never sees a half-written file.
    fs.writeFileSync(`${file}.tmp`, JSON.stringify({ peakHeapUsed, peakHeapTotal, at: Date.now() }));
    fs.renameSync(`${file}.tmp`, file);
  }, 100).unref();
  process.on('SIGUSR2', () => {
    peakHeapUsed = 0;
    peakHeapTotal = 0;
    sample();
  });
}
