import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiCalls, ErrorCodeSchema } from '../../../contract/index.js';
import { fuzzCase, inputSchemas, type FuzzCase } from '../fuzz/fuzzInputs.js';
import { HostProcess } from '../HostProcess.js';
import { check, type TortureRun } from '../TortureRun.js';

/** A stack trace in a message: a line that starts with "at " and names a file and line. */
const STACK = /\n\s+at .+:\d+/;
/** Calls that would reach past 127.0.0.1 when their input is valid: only invalid inputs are sent. */
const NEVER_VALID = new Set(['library.download']);

/**
 * Scenario 3: every call of the contract, with inputs derived from its schema and then broken, sent
 * over the real web host's WebSocket with a valid token. Every call gets a well-formed reply (ok,
 * or an error with a declared code other than `internal`, and no stack), the host stays up, and
 * nothing was added to Object.prototype in main.
 */
export async function apiFuzz(run: TortureRun): Promise<void> {
  const planned = run.count(2000, 200);
  const scenario = run.scenario('API fuzz (contract schemas)', planned);
  const dir = mkdtempSync(join(tmpdir(), 'hearth-torture-fuzz-'));
  let host = await HostProcess.start(dir);
  let socket = await host.connect();
  const schemas = inputSchemas(apiCalls);
  const methods = [...schemas.keys()].sort();
  const declared = new Set<string>(ErrorCodeSchema.options);
  const codes = new Map<string, number>();
  try {
    const send = async (fuzz: FuzzCase): Promise<void> => {
      if (!socket.open) socket = await host.connect();
      const outcome = await socket.callRaw(fuzz.frame);
      check(host.alive, `${host.exitDescription}: ${host.output.slice(-2).join(' | ')}`);
      if ('closed' in outcome) {
        check(fuzz.mayClose, `the socket was closed (${outcome.closed}) instead of an answer`);
        codes.set(`closed ${outcome.closed}`, (codes.get(`closed ${outcome.closed}`) ?? 0) + 1);
        return;
      }
      const key = outcome.ok ? 'ok' : outcome.error.code;
      codes.set(key, (codes.get(key) ?? 0) + 1);
      if (outcome.ok) return;
      check(declared.has(outcome.error.code), `undeclared error code ${outcome.error.code}`);
      check(outcome.error.code !== 'internal', `internal error: ${outcome.error.message.slice(0, 200)}`);
      check(!STACK.test(outcome.error.message), 'the error message carries a stack trace');
    };

    for (let i = 0; i < planned; i++) {
      if (scenario.stopAtCap(i)) break;
      const method = methods[i % methods.length] ?? 'app.info';
      const fuzz = fuzzCase(method, schemas.get(method) ?? {}, scenario);
      const sent = safeJson(fuzz.frame);
      if (
        NEVER_VALID.has(sent.method) &&
        apiCalls[method as keyof typeof apiCalls].input.safeParse(sent.input).success
      ) {
        scenario.skip(`#${i + 1} ${fuzz.label}`, 'valid input to a call that would leave 127.0.0.1');
        continue;
      }
      const passed = await scenario.trial(`#${i + 1} ${fuzz.label}`, () => send(fuzz), 60_000);
      if (!passed && !host.alive) {
        // Counted as failed; a fresh host lets the rest of the calls be tried.
        await host.destroy();
        host = await HostProcess.start(dir);
        socket = await host.connect();
      }
    }

    await scenario.trial('no prototype pollution in main', async () => {
      check(host.alive, host.exitDescription);
      const added = await host.probePollution();
      check(added.length === 0, `added to prototypes: ${added.join(', ')}`);
    });
    // The contract once accepted 300 paths of 3,600 characters, a frame over the 1 MiB limit then:
    // now refused by the schema (or closed as too big), never the end of the host.
    const paths = Array.from({ length: 300 }, (_, n) => `p${n}-${'x'.repeat(3600)}`);
    await scenario.trial(
      'documents.import of 300 paths of 3,600 characters (once a frame over the limit)',
      async () => {
        await send({
          label: 'documents.import 300 x 3,600',
          frame: JSON.stringify({ type: 'call', id: 0, method: 'documents.import', input: { paths } }),
          mayClose: true,
        });
        const fresh = await host.connect();
        const info = await fresh.call('app.info', {});
        fresh.close();
        check('ok' in info && info.ok, 'a fresh socket gets no answer afterwards');
      },
    );

    scenario.note(`replies: ${[...codes].map(([code, n]) => `${code} ${n}`).join(', ')}`);
  } finally {
    socket.close();
    await host.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

function safeJson(text: string): { method: string; input: unknown } {
  try {
    const { method, input } = JSON.parse(text) as { method?: unknown; input?: unknown };
    return { method: String(method), input };
  } catch {
    return { method: '', input: undefined };
  }
}
