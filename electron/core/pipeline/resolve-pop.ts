import type { CompanyMapping, Config } from '../../../shared/config';
import type { PopResult, StepName } from '../../../shared/result';
import { stepNames } from '../../../shared/result';
import type { RawPopQuery } from '../app';
import { toToolboxError } from '../errors';
import type { FormCatalogue } from '../forms/catalogue';
import type { DirectoryClient } from '../graph/types';
import type { PsaClient } from '../psa/types';
import { buildFallbackLink, buildLinkStep, checkLinkStep } from './build-link';
import { identifyCaller } from './identify-caller';
import { determineIdp } from './determine-idp';
import { decideDirectoryLookup, findDirectoryUser } from './directory-user';
import { checkPopParams, readPopParams } from './parse-request';
import { toSubject, type PopState } from './pop-state';
import { softenUnless } from './soften';
import { StepLog } from './step-log';

export interface PipelineDeps {
  config: Config;
  /** config.companies indexed by PSA company id (see indexCompanies). */
  companies: ReadonlyMap<string, CompanyMapping>;
  forms: FormCatalogue;
  psa: PsaClient;
  /** Absent when the config has no graph section. */
  directory?: DirectoryClient;
}

/**
 * Resolves one screen pop to a form link. Never throws: every failure ends in
 * a result with ok false, the error, the step timeline and, when the form can
 * still be opened with what is known, a fallback link.
 */
export async function resolvePop(query: RawPopQuery, deps: PipelineDeps, signal?: AbortSignal): Promise<PopResult> {
  const started = performance.now();
  const log = new StepLog();
  const state: PopState = { params: readPopParams(query), warnings: [] };
  const finish = (result: Pick<PopResult, 'ok' | 'link' | 'fallbackLink' | 'error'>): PopResult => ({
    ...result,
    warnings: state.warnings,
    steps: log.steps,
    params: state.params,
    subject: toSubject(state),
    totalMs: Math.round((performance.now() - started) * 10) / 10,
  });

  try {
    const link = await runSteps(query, state, log, deps, signal);
    return finish({ ok: true, link });
  } catch (error) {
    const failure = toToolboxError(error);
    skipRemainingSteps(log, failure.code);
    const fallbackLink = buildFallbackLink(state, deps.config.rewst.baseUrl, deps.companies);
    return finish({ ok: false, error: failure.toPopError(), ...(fallbackLink && { fallbackLink }) });
  }
}

async function runSteps(
  query: RawPopQuery,
  state: PopState,
  log: StepLog,
  deps: PipelineDeps,
  signal?: AbortSignal,
): Promise<string> {
  const { config, directory } = deps;

  const parsed = await log.run('parse_request', () => {
    const pop = checkPopParams(query, deps.forms);
    return { value: pop, detail: `form ${pop.form.name} (Rewst form ${pop.form.formId})` };
  });
  state.form = parsed.form;

  await identifyCaller(state, log, deps, signal);

  const idp = await log.run('determine_idp', () => determineIdp(state.company!));
  state.idp = idp;

  const lookup = await log.run('check_directory_need', () => {
    const outcome = decideDirectoryLookup({ ...state, idp }, directory);
    if (outcome.status === 'warning') state.warnings.push(outcome.detail);
    return outcome;
  });

  if (lookup && directory) {
    const required = parsed.form.directoryUser === 'required';
    state.user = await log.run('find_directory_user', () =>
      softenUnless(required, state, findDirectoryUser(directory, lookup, signal)),
    );
  } else {
    log.skip('find_directory_user', 'no lookup needed');
  }

  const link = await log.run('build_link', () => buildLinkStep(state, config.rewst.baseUrl));
  await log.run('check_link', () => checkLinkStep(link, config.rewst.baseUrl));
  return link;
}

function skipRemainingSteps(log: StepLog, code: string): void {
  const done = new Set<StepName>(log.steps.map((step) => step.name));
  for (const name of stepNames) {
    if (!done.has(name)) log.skip(name, `not run: the pop stopped with ${code}`);
  }
}
