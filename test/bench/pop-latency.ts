/**
 * Measures how long a screen pop takes through the real pipeline and
 * listener, against the loopback stand-ins, and how much of it is spent
 * outside the PSA and Graph calls. Run with `npm run bench`; prints figures,
 * asserts nothing.
 */
import http from 'node:http';
import os from 'node:os';
import { createToolbox } from '../../electron/core/app';
import { startListener } from '../../electron/core/listener';
import { configureLogging } from '../../electron/core/log';
import type { PopResult, StepName } from '../../shared/result';
import { createMemorySecretStore } from '../support/memory-secrets';
import { startStandIns } from '../support/stand-ins';
import { runWithTrustedTestCertificate } from '../support/trusted-tls';

const PIPELINE_POPS = 300;
// The listener admits 30 distinct pops per 10 s, so the HTTP run stays below that.
const LISTENER_POPS = 25;

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

function summarize(label: string, values: number[]): string {
  const figures = [0.5, 0.95].map((fraction) => percentile(values, fraction).toFixed(2));
  return `${label.padEnd(34)} p50 ${figures[0]} ms   p95 ${figures[1]} ms   max ${Math.max(...values).toFixed(2)} ms`;
}

function stepMs(result: PopResult, name: StepName): number {
  return result.steps.find((step) => step.name === name)?.ms ?? 0;
}

function getStatus(url: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }));
      })
      .on('error', reject);
  });
}

async function main(): Promise<void> {
  await runWithTrustedTestCertificate();
  configureLogging({ quiet: true });
  const standIns = await startStandIns();
  const toolbox = createToolbox({ config: standIns.config, secrets: createMemorySecretStore(standIns.secrets) });
  const query = (ticket: number) => ({
    ticket_id: String(ticket),
    company_id: '250',
    contact_id: '101',
    form_name: 'password_reset',
  });

  const cold = await toolbox.resolvePop(query(1));
  const results: PopResult[] = [];
  for (let index = 0; index < PIPELINE_POPS; index += 1) results.push(await toolbox.resolvePop(query(1000 + index)));

  const listener = await startListener({
    port: 0,
    version: 'bench',
    rewstBaseUrl: standIns.config.rewst.baseUrl,
    popMode: 'redirect',
    requireApiKey: false,
    getApiKey: async () => undefined,
    resolvePop: toolbox.resolvePop,
  });
  const listenerTimes: number[] = [];
  for (let index = 0; index < LISTENER_POPS; index += 1) {
    const { ticket_id, company_id, contact_id, form_name } = query(5000 + index);
    const url = `${listener.url}/pop?ticket_id=${ticket_id}&company_id=${company_id}&contact_id=${contact_id}&form_name=${form_name}`;
    const { status, ms } = await getStatus(url);
    if (status !== 302) throw new Error(`pop ${index} returned HTTP ${status}, expected 302`);
    listenerTimes.push(ms);
  }

  const totals = results.map((result) => result.totalMs);
  const upstream = results.map((result) => stepMs(result, 'get_contact') + stepMs(result, 'find_directory_user'));
  const ownWork = results.map((result, index) => result.totalMs - (upstream[index] ?? 0));

  console.log(`Technician Toolbox pop latency — ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}`);
  console.log('Stand-ins on 127.0.0.1: ConnectWise (HTTP), identity platform + Graph (HTTPS), Rewst (HTTP).\n');
  console.log(`cold pop (token fetched beside the PSA call)   ${cold.totalMs.toFixed(2)} ms, ok=${cold.ok}`);
  console.log(summarize(`pipeline, ${PIPELINE_POPS} warm pops`, totals));
  console.log(summarize('  of which PSA + Graph calls', upstream));
  console.log(summarize('  of which everything else', ownWork));
  console.log(summarize(`listener 302, ${LISTENER_POPS} pops over HTTP`, listenerTimes));

  await listener.close();
  await standIns.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
