import { z } from 'zod';

type Path = readonly PropertyKey[];

/** Formats a zod issue path as an admin reads the config: `psa.baseUrl`, `companies[2].idp`. */
export function formatPath(path: Path): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'symbol') text += `[${String(segment)}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text || '(top level)';
}

/** Reads the value at `path` in parsed JSON; undefined when any step is missing. */
export function valueAt(input: unknown, path: Path): unknown {
  let value = input;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      return current;
    }
  }
}

/** Picks the discriminated union option that matches the input's discriminator value. */
function pickOption(union: z.ZodDiscriminatedUnion, input: unknown): z.ZodType | undefined {
  const discriminator = union.def.discriminator;
  const value = valueAt(input, [discriminator]);
  return union.options.find((option) => {
    const field = option instanceof z.ZodObject ? option.shape[discriminator] : undefined;
    return field instanceof z.ZodType && field.safeParse(value).success;
  }) as z.ZodType | undefined;
}

/** Finds the schema of the value at `path`, following the input through unions. */
function schemaAt(root: z.ZodType, path: Path, input: unknown): z.ZodType | undefined {
  let schema: z.ZodType | undefined = unwrap(root);
  for (let index = 0; index <= path.length && schema; index += 1) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodDiscriminatedUnion) {
      schema = pickOption(schema, valueAt(input, path.slice(0, index)));
      if (!schema) return undefined;
      schema = unwrap(schema);
    }
    if (index === path.length) return schema;

    const segment = path[index];
    if (schema instanceof z.ZodObject) schema = schema.shape[segment as string] as z.ZodType;
    else if (schema instanceof z.ZodArray) schema = schema.element as z.ZodType;
    else if (schema instanceof z.ZodRecord) schema = schema.valueType as z.ZodType;
    else return undefined;
  }
  return schema;
}

/** Lists the keys the schema allows in the object at `path`, or undefined when it is no object. */
export function allowedKeysAt(root: z.ZodType, path: Path, input: unknown): string[] | undefined {
  const schema = schemaAt(root, path, input);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : undefined;
}
