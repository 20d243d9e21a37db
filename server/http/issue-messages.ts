import type * as z from 'zod/mini';

/**
 * Writes a validation issue's message as what the value should be, such as "Use one of: admin,
 * member.". zod 4's mini build loads no locale, so without this error map every issue that has
 * no message in its schema reads "Invalid input". The server passes the map per parse, so the
 * schemas' own messages take precedence and the SDK bundle carries no message text.
 */
export function issueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `Use one of: ${issue.values.map(String).join(', ')}.`;
    case 'invalid_type':
      return typeMessage(issue.expected, issue.input, issue.path ?? []);
    case 'too_small':
    case 'too_big':
      return sizeMessage(issue);
    case 'invalid_format':
      return `Use a valid ${issue.format}.`;
    case 'unrecognized_keys':
      return `Remove the unknown ${issue.keys.length === 1 ? 'field' : 'fields'}: ${issue.keys.join(', ')}.`;
    case 'not_multiple_of':
      return `Use a multiple of ${String(issue.divisor)}.`;
    default:
      return 'Use a value of the documented form.';
  }
}

function typeMessage(expected: string, input: unknown, path: PropertyKey[]): string {
  if (input === undefined) return 'This field is required.';
  if (expected === 'object') return path.length === 0 ? 'Send a JSON object.' : 'Use an object.';
  if (expected === 'int') return 'Use a whole number.';
  if (expected === 'array') return 'Use an array.';
  return `Use a ${expected}.`;
}

function sizeMessage(
  issue: z.core.$ZodRawIssue<z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig>,
): string {
  const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  const atLeast = issue.code === 'too_small';
  switch (issue.origin) {
    case 'string':
      return `Use ${atLeast ? 'at least' : 'at most'} ${bound} ${bound === 1 ? 'character' : 'characters'}.`;
    case 'array':
    case 'set':
      return `Use ${atLeast ? 'at least' : 'at most'} ${bound} ${bound === 1 ? 'item' : 'items'}.`;
    case 'number':
    case 'int':
    case 'bigint':
      return numberRangeMessage(issue.schema, atLeast, bound, issue.inclusive !== false);
    default:
      return `Use a value ${atLeast ? 'of at least' : 'of at most'} ${bound}.`;
  }
}

interface BoundDefinition {
  check: string;
  value?: unknown;
  inclusive?: boolean;
}

/**
 * Names both bounds when the schema has both, such as "Use a number from 1 to 100." An issue
 * carries only the bound it broke, so the other one is read from the checks of the schema
 * that owns the issue.
 */
function numberRangeMessage(
  schema: z.core.$ZodType | undefined,
  atLeast: boolean,
  bound: number,
  inclusive: boolean,
): string {
  const checks = (schema?._zod.def.checks ?? []).map((check) => check._zod.def as BoundDefinition);
  const minimum = checks.find((check) => check.check === 'greater_than' && check.inclusive);
  const maximum = checks.find((check) => check.check === 'less_than' && check.inclusive);
  if (minimum !== undefined && maximum !== undefined) {
    return `Use a number from ${String(minimum.value)} to ${String(maximum.value)}.`;
  }
  if (!inclusive) return `Use a number ${atLeast ? 'greater' : 'less'} than ${bound}.`;
  return `Use a number of ${atLeast ? 'at least' : 'at most'} ${bound}.`;
}
