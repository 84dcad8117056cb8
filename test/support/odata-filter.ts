/**
 * A parser for the `$filter` subset the Graph client sends, so the test double
 * evaluates the real query instead of matching its text:
 *
 *   filter = term *( " or " term )
 *   term   = "(" filter ")" / property " eq " string
 *          / property "/any(" var ":" var " eq " string ")"
 *   string = "'" *( "''" / any character but "'" ) "'"
 *
 * Comparisons ignore case, as Microsoft Graph does for directory string properties.
 */
export type UserRecord = Record<string, unknown>;
export type UserPredicate = (user: UserRecord) => boolean;

/** Properties the double accepts in a filter. Graph rejects others outside advanced queries. */
const singleValued = new Set(['userPrincipalName', 'mail', 'displayName', 'id']);
const multiValued = new Set(['proxyAddresses', 'otherMails']);

/** A filter the double cannot evaluate. The server responds with 400 and `message`. */
export class ODataFilterError extends Error {}

export function parseUserFilter(filter: string): UserPredicate {
  const parser = new FilterParser(filter);
  const predicate = parser.parseOr();
  parser.expectEnd();
  return predicate;
}

class FilterParser {
  private position = 0;

  constructor(private readonly text: string) {}

  parseOr(): UserPredicate {
    const terms = [this.parseTerm()];
    while (this.accept(/^ or /)) terms.push(this.parseTerm());
    return (user) => terms.some((term) => term(user));
  }

  expectEnd(): void {
    if (this.position !== this.text.length) this.fail('unexpected text');
  }

  private parseTerm(): UserPredicate {
    if (this.accept(/^\(/)) {
      const inner = this.parseOr();
      this.expect(/^\)/, "')'");
      return inner;
    }

    const property = this.expect(/^[A-Za-z]+/, 'a property name');
    if (this.accept(/^\/any\(/)) return this.parseAny(property);

    this.expect(/^ eq /, "' eq '");
    const value = this.parseString();
    if (!singleValued.has(property)) this.fail(`property ${property} is not supported with eq`);
    return (user) => equalsIgnoringCase(user[property], value);
  }

  private parseAny(property: string): UserPredicate {
    if (!multiValued.has(property)) this.fail(`property ${property} is not a collection`);

    const variable = this.expect(/^[a-z]+/, 'a lambda variable');
    this.expect(/^:/, "':'");
    const used = this.expect(/^[a-z]+/, 'the lambda variable');
    if (used !== variable) this.fail(`lambda variable ${used} is not ${variable}`);
    this.expect(/^ eq /, "' eq '");
    const value = this.parseString();
    this.expect(/^\)/, "')'");

    return (user) => {
      const values = user[property];
      return Array.isArray(values) && values.some((item) => equalsIgnoringCase(item, value));
    };
  }

  private parseString(): string {
    this.expect(/^'/, 'a string literal');
    let value = '';
    for (;;) {
      const quote = this.text.indexOf("'", this.position);
      if (quote < 0) this.fail('unterminated string literal');
      value += this.text.slice(this.position, quote);
      this.position = quote + 1;
      if (this.text[this.position] !== "'") return value;
      value += "'";
      this.position += 1;
    }
  }

  private accept(pattern: RegExp): string | undefined {
    const match = pattern.exec(this.text.slice(this.position));
    if (!match) return undefined;
    this.position += match[0].length;
    return match[0];
  }

  private expect(pattern: RegExp, what: string): string {
    const token = this.accept(pattern);
    if (token === undefined) this.fail(`expected ${what}`);
    return token;
  }

  private fail(reason: string): never {
    throw new ODataFilterError(`Invalid filter clause: ${reason} at position ${this.position}.`);
  }
}

function equalsIgnoringCase(actual: unknown, expected: string): boolean {
  return typeof actual === 'string' && actual.toLowerCase() === expected.toLowerCase();
}
