import type * as z from 'zod/mini';

import type { FieldError } from '../../sdk/schemas/problem.js';
import { issueMessage } from './issue-messages.js';

type SchemaDefinition = z.core.$ZodTypeDef & {
  shape?: Record<string, z.core.$ZodType>;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  element?: z.core.$ZodType;
};

/**
 * Lists the object fields of `value` that `schema` does not declare, one error per object with
 * its path. zod's `z.object` drops unknown fields silently, so a misspelt optional field such
 * as `lisenceId` would otherwise be ignored while the request succeeds.
 */
export function findUnknownFields(
  schema: z.core.$ZodType,
  value: unknown,
  path: readonly (string | number)[] = [],
): FieldError[] {
  const definition = schema._zod.def as SchemaDefinition;
  switch (definition.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return definition.innerType ? findUnknownFields(definition.innerType, value, path) : [];
    case 'pipe':
      return definition.in ? findUnknownFields(definition.in, value, path) : [];
    case 'array': {
      const { element } = definition;
      if (!Array.isArray(value) || element === undefined) return [];
      return value.flatMap((item, index) => findUnknownFields(element, item, [...path, index]));
    }
    case 'object':
      return findUnknownObjectFields(definition.shape ?? {}, value, path);
    default:
      return [];
  }
}

function findUnknownObjectFields(
  shape: Record<string, z.core.$ZodType>,
  value: unknown,
  path: readonly (string | number)[],
): FieldError[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];

  const errors: FieldError[] = [];
  const unknownKeys = Object.keys(value).filter((key) => !Object.hasOwn(shape, key));
  if (unknownKeys.length > 0) {
    errors.push({
      path: path.join('.'),
      message: issueMessage({
        code: 'unrecognized_keys',
        keys: unknownKeys,
        input: value as Record<string, unknown>,
      }),
    });
  }
  for (const [key, fieldSchema] of Object.entries(shape)) {
    if (!Object.hasOwn(value, key)) continue;
    const fieldValue = (value as Record<string, unknown>)[key];
    errors.push(...findUnknownFields(fieldSchema, fieldValue, [...path, key]));
  }
  return errors;
}
