import type { Config, FormOverride } from '../../../shared/config';
import { ToolboxError } from '../errors';
import { builtinForms, type FormDefinition } from './builtin';
import { findUnknownPlaceholders, templatePaths } from './template';

/** The forms a screen pop can name: built-in ones merged with the config file's. */
export interface FormCatalogue {
  /** Forms that can be opened (those with a Rewst form id), in a stable order. */
  names(): string[];
  /** Every known form, including built-in ones still waiting for a form id. */
  all(): FormDefinition[];
  get(name: string): FormDefinition | undefined;
}

function mergeForm(name: string, base: FormDefinition | undefined, override: FormOverride): FormDefinition {
  return {
    name,
    label: override.label ?? base?.label ?? name,
    formId: override.formId ?? base?.formId,
    directoryUser: override.directoryUser ?? base?.directoryUser ?? 'optional',
    // The prefill map is replaced whole, so an admin can also drop a built-in parameter.
    prefill: override.prefill ?? base?.prefill ?? {},
  };
}

function validateForm(form: FormDefinition, isBuiltin: boolean): string[] {
  const problems: string[] = [];
  const path = `rewst.forms.${form.name}`;

  if (!isBuiltin && !form.formId) {
    problems.push(`${path}.formId: missing; copy the form id from the form's URL in Rewst`);
  }
  for (const [parameter, template] of Object.entries(form.prefill)) {
    for (const placeholder of findUnknownPlaceholders(template)) {
      problems.push(
        `${path}.prefill.${parameter}: unknown placeholder {{ ${placeholder} }}; ` +
          `use one of ${templatePaths.join(', ')}`,
      );
    }
  }
  return problems;
}

/**
 * Builds the catalogue from the config. A config form overrides the built-in
 * form of the same name field by field; other config forms are added as they
 * are. Throws config_invalid listing every bad form.
 */
export function buildFormCatalogue(config: Pick<Config, 'rewst'>): FormCatalogue {
  const forms = new Map<string, FormDefinition>(builtinForms.map((form) => [form.name, form]));
  const problems: string[] = [];

  for (const [name, override] of Object.entries(config.rewst.forms)) {
    const base = forms.get(name);
    const form = mergeForm(name, base, override);
    problems.push(...validateForm(form, base !== undefined));
    forms.set(name, form);
  }

  if (problems.length > 0) {
    throw new ToolboxError('config_invalid', `The form definitions are invalid:\n${problems.join('\n')}`, {
      fix: 'Correct the listed entries under rewst.forms in the config file.',
    });
  }

  const all = [...forms.values()];
  return {
    names: () => all.filter((form) => form.formId).map((form) => form.name),
    all: () => [...all],
    get: (name) => forms.get(name),
  };
}
