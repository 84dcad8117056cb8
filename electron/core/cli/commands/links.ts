import { buildFormCatalogue } from '../../forms/catalogue';
import { KEY_PLACEHOLDER, listScreenPopTemplates } from '../../forms/screen-pop-url';
import { parseCommandArgs, type Command } from '../command';
import { configOptionHelp, loadCliContext } from '../context';

const name = 'links';

const help = `Usage: npm run toolbox -- links [--config <file>] [--key]

Prints the 1Stream Screen Pop URL for each form that has a Rewst form id, one per line as
"<form name>  <URL>". Paste a URL into 1Stream's Screen Pop settings; 1Stream replaces
@ticketid, @companyid and @contactid for each call.

When listener.requireApiKey is true, each URL ends with &key=${KEY_PLACEHOLDER}: replace the
placeholder with the value stored as listener.apiKey.

Options:
${configOptionHelp}
  --key            Add the &key= placeholder even when listener.requireApiKey is false.`;

async function run(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(name, {
    args,
    options: { config: { type: 'string' }, key: { type: 'boolean' } },
  });
  const { config } = await loadCliContext(values.config, { quiet: true });
  const catalogue = buildFormCatalogue(config);
  const templates = listScreenPopTemplates(config, catalogue, values.key === true);

  const names = templates.map((template) => template.formName);
  const width = Math.max(0, ...names.map((formName) => formName.length));
  for (const { formName, url } of templates) {
    process.stdout.write(`${formName.padEnd(width)}  ${url}\n`);
  }

  for (const form of catalogue.all().filter((entry) => !entry.formId)) {
    process.stderr.write(
      `note: ${form.name} has no Rewst form id yet; set rewst.forms.${form.name}.formId ` +
        'in the config file to get its URL.\n',
    );
  }
  if (names.length === 0) {
    process.stderr.write('note: no form has a Rewst form id, so there is no URL to print.\n');
  }
  return 0;
}

export const linksCommand: Command = {
  name,
  summary: 'Print the 1Stream Screen Pop URL for each configured form',
  help,
  run,
};
