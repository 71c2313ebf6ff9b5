// Tests the sidebar's panel backend over a stand-in for the browser's google.script.run: each panel command calls its server function and settles with its result or failure.
import { sheetsBackend, type ScriptRunner } from '../../sheets-addon/sidebar';

interface Call {
  name: string;
  args: unknown[];
}

/** google.script.run as the browser has it: handlers set per call, server functions by name, answered asynchronously. */
function fakeRun(answer: (call: Call) => { ok: unknown } | { fail: unknown }): { run: ScriptRunner; calls: Call[] } {
  const calls: Call[] = [];
  const runner = (success: (v: unknown) => void = () => undefined, failure: (e: unknown) => void = () => undefined): ScriptRunner => {
    const target: Record<string, unknown> = {
      withSuccessHandler: (handler: (v: unknown) => void) => runner(handler, failure),
      withFailureHandler: (handler: (e: unknown) => void) => runner(success, handler),
    };
    for (const name of ['malkollCheckView', 'malkollTemplate', 'malkollClear', 'malkollSelect']) {
      target[name] = (...args: unknown[]) => {
        const call = { name, args };
        calls.push(call);
        setTimeout(() => {
          const result = answer(call);
          if ('ok' in result) success(result.ok);
          else failure(result.fail);
        }, 0);
      };
    }
    return target as unknown as ScriptRunner;
  };
  return { run: runner(), calls };
}

describe('Sheets sidebar backend', () => {
  it('calls the server functions by name and resolves with their results', async () => {
    const report = { version: 1, summary: { errors: 0, warnings: 1, infos: 2 } };
    const { run, calls } = fakeRun((call) => ({ ok: call.name === 'malkollCheckView' ? report : null }));
    const backend = sheetsBackend(run);
    await expect(backend.check()).resolves.toEqual(report);
    await expect(backend.template()).resolves.toBeUndefined();
    await expect(backend.clear()).resolves.toBeUndefined();
    await expect(backend.select('Indikatorer', 'H41')).resolves.toBeUndefined();
    expect(calls).toEqual([
      { name: 'malkollCheckView', args: [] },
      { name: 'malkollTemplate', args: [] },
      { name: 'malkollClear', args: [] },
      { name: 'malkollSelect', args: ['Indikatorer', 'H41'] },
    ]);
  });

  it('rejects with an Error carrying the server\'s message', async () => {
    const { run } = fakeRun(() => ({ fail: { name: 'ScriptError', message: 'Åtkomst nekad' } }));
    await expect(sheetsBackend(run).check()).rejects.toThrow('Åtkomst nekad');
    const { run: run2 } = fakeRun(() => ({ fail: new Error('Tidsgräns') }));
    await expect(sheetsBackend(run2).clear()).rejects.toThrow('Tidsgräns');
  });
});
