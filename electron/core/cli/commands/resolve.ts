import { createToolbox, type RawPopQuery } from '../../app';
import { parseCommandArgs, UsageError, type Command } from '../command';
import { configOptionHelp, createCliSecretStore, loadCliContext } from '../context';

const name = 'resolve';

/** Exit code when the screen pop resolved to an error result. */
export const EXIT_POP_FAILED = 2;

const help = `Usage: npm run toolbox -- resolve --form <name> [--ticket <id>] [--contact <id>]
                                   [--company <id>] [--config <file>]

Resolves one screen pop as the listener would, with the same PSA, Graph and keychain, and
prints the result (link, warnings, error and step timings) as JSON. Opens nothing and adds
nothing to the history.

Exit codes: 0 when the pop resolved to a form link, 2 when the result is an error (see
"error" in the output), 1 when the command itself failed (bad config, bad arguments).

--form and at least one id are required. Missing ids are handled as for a screen pop; see
"How a pop is resolved" in README.md.

Options:
  --company <id>   PSA company id (1Stream's @companyid)
  --contact <id>   PSA contact id (1Stream's @contactid)
  --form <name>    form name, as in the Screen Pop URL's form_name
  --ticket <id>    PSA ticket id (1Stream's @ticketid)
${configOptionHelp}`;

async function run(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(name, {
    args,
    options: {
      company: { type: 'string' },
      contact: { type: 'string' },
      form: { type: 'string' },
      ticket: { type: 'string' },
      config: { type: 'string' },
    },
  });
  if (values.form === undefined) {
    throw new UsageError('resolve needs --form <name>, the form_name of a Screen Pop URL.', name);
  }
  if (values.ticket === undefined && values.contact === undefined && values.company === undefined) {
    throw new UsageError(
      'resolve needs at least one of --ticket <id>, --contact <id> or --company <id>.',
      name,
    );
  }

  // stdout carries only the JSON result, so log lines go to the log file alone.
  const { config } = await loadCliContext(values.config, { quiet: true });
  const toolbox = createToolbox({ config, secrets: createCliSecretStore() });

  // An empty value is passed on, so the result names it as missing like a real pop would.
  const query: RawPopQuery = {
    ticket_id: values.ticket,
    company_id: values.company,
    contact_id: values.contact,
    form_name: values.form,
  };
  const result = await toolbox.resolvePop(query);

  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return result.ok ? 0 : EXIT_POP_FAILED;
}

export const resolveCommand: Command = {
  name,
  summary: 'Resolve one screen pop and print the result as JSON',
  help,
  run,
};
