/**
 * Qdrant's own OpenAPI 1.19 spec (Apache-2.0, test/fixtures/qdrant) turned into
 * validators for the fake server: every request body and query string the
 * adapter sends, and every response the fake answers, is checked against it.
 *
 * Two adjustments make the 3.0 spec checkable by a JSON Schema validator:
 * - `{nullable: true}` without a `type` (the generator's "or null" branch) is
 *   rewritten to `{type: "null"}`.
 * - For requests only, objects with listed properties are closed
 *   (`additionalProperties: false`), because Qdrant's JSON parser rejects
 *   unknown fields ("unknown field `x`, expected one of …"). Responses stay open.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const SPEC_FILE = fileURLToPath(new URL('../fixtures/qdrant/openapi-1.19.0.json', import.meta.url));
/** Qdrant's numeric formats, checked by range where it matters (ids, indices). */
const NUMERIC_FORMATS: Record<string, (n: number) => boolean> = {
  uint: (n) => n >= 0,
  uint8: (n) => n >= 0 && n < 2 ** 8,
  uint32: (n) => n >= 0 && n < 2 ** 32,
  uint64: (n) => n >= 0,
  int64: () => true,
  float: () => true,
  double: () => true,
};

type Json = unknown;
interface Operation {
  readonly parameters?: { name: string; in: string; required?: boolean; schema: Json }[];
  readonly requestBody?: { content: Record<string, { schema: Json }> };
  readonly responses: Record<string, { content?: Record<string, { schema: Json }> }>;
}

function rewrite(node: Json, isRequest: boolean): Json {
  if (Array.isArray(node)) return node.map((n) => rewrite(n, isRequest));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) {
    // `properties`/`paths` map names to schemas: recurse into values, never treat the map itself as a schema.
    out[key] = rewrite(value, isRequest);
  }
  if (out.nullable === true && out.type === undefined) {
    const { nullable: _n, description: _d, default: _f, example: _e, ...rest } = out;
    return Object.keys(rest).length === 0 ? { type: 'null' } : { anyOf: [rest, { type: 'null' }] };
  }
  if (
    isRequest &&
    out.properties &&
    typeof out.properties === 'object' &&
    out.additionalProperties === undefined &&
    out.type === 'object'
  ) {
    out.additionalProperties = false;
  }
  return out;
}

function makeAjv(spec: Json, options: { coerceTypes?: boolean }): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, ...options });
  addFormats(ajv);
  for (const [name, check] of Object.entries(NUMERIC_FORMATS))
    ajv.addFormat(name, { type: 'number', validate: check });
  ajv.addFormat('partial-date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/);
  ajv.addSchema(spec as object, 'qdrant');
  return ajv;
}

/** A spec route matched to a request. */
export interface SpecRoute {
  readonly template: string;
  readonly method: string;
  readonly params: Record<string, string>;
  /** Validates the JSON body; returns error text or null. */
  checkBody(body: unknown): string | null;
  /** Validates (and coerces) the query string; returns error text or null. */
  checkQuery(query: Record<string, unknown>): string | null;
  /** Validates a response body for a status; returns error text or null. */
  checkResponse(status: number, body: unknown): string | null;
}

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** Loads the spec once and matches requests to its operations. */
export class QdrantSpec {
  readonly #request: Ajv;
  readonly #params: Ajv;
  readonly #response: Ajv;
  readonly #routes: {
    template: string;
    method: string;
    pattern: RegExp;
    names: string[];
    op: Operation;
  }[] = [];
  readonly #cache = new Map<string, ValidateFunction>();

  constructor(file = SPEC_FILE) {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      paths: Record<string, Record<string, Operation>>;
    };
    this.#request = makeAjv(rewrite(raw, true), {});
    this.#params = makeAjv(rewrite(raw, false), { coerceTypes: true });
    this.#response = makeAjv(rewrite(raw, false), {});
    for (const [template, methods] of Object.entries(raw.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
        const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, '([^/]+)')}$`);
        this.#routes.push({ template, method: method.toUpperCase(), pattern, names, op });
      }
    }
    // Literal segments win over parameters (`/collections/aliases` before `/collections/{name}`).
    this.#routes.sort((a, b) => a.names.length - b.names.length);
  }

  #validator(ajv: Ajv, key: string, schema: object): ValidateFunction {
    const cacheKey = `${ajv === this.#request ? 'req' : ajv === this.#params ? 'par' : 'res'}:${key}`;
    let validate = this.#cache.get(cacheKey);
    if (!validate) this.#cache.set(cacheKey, (validate = ajv.compile(schema)));
    return validate;
  }

  #errors(validate: ValidateFunction, data: unknown): string | null {
    return validate(data)
      ? null
      : (validate.errors ?? [])
          .slice(0, 5)
          .map((e) => `${e.instancePath || '/'} ${e.message}`)
          .join('; ');
  }

  /** The operation for a method and path, or null when the spec has none. */
  match(method: string, path: string): SpecRoute | null {
    const route = this.#routes.find((r) => r.method === method && r.pattern.test(path));
    if (!route) return null;
    const values = route.pattern.exec(path)?.slice(1) ?? [];
    const params = Object.fromEntries(
      route.names.map((n, i) => [n, decodeURIComponent(values[i] ?? '')]),
    );
    const base = pointer('paths', route.template, route.method.toLowerCase());
    const { op } = route;
    return {
      template: route.template,
      method,
      params,
      checkBody: (body) => {
        const json = op.requestBody?.content['application/json'];
        // The JS client sends `{}` to body-less operations; Qdrant ignores it. Anything more is a mistake.
        if (!json)
          return body === undefined ||
            (typeof body === 'object' && body !== null && Object.keys(body).length === 0)
            ? null
            : 'operation takes no JSON body';
        return this.#errors(
          this.#validator(this.#request, base, {
            $ref: `qdrant#/${base}/requestBody/content/application~1json/schema`,
          }),
          body,
        );
      },
      checkQuery: (query) => {
        const defs = (op.parameters ?? []).filter((p) => p.in === 'query');
        const schema = {
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(defs.map((p) => [p.name, p.schema])),
          required: defs.filter((p) => p.required).map((p) => p.name),
        };
        // Parameter schemas reference components, so they are compiled inside the spec document's scope.
        const wrapped = JSON.parse(
          JSON.stringify(schema).replace(/"#\/components/g, '"qdrant#/components'),
        );
        return this.#errors(this.#validator(this.#params, `${base}?`, wrapped), query);
      },
      checkResponse: (status, body) => {
        const code = String(status);
        const key = op.responses[code]
          ? code
          : op.responses[`${code[0]}XX`]
            ? `${code[0]}XX`
            : 'default';
        if (!op.responses[key]?.content?.['application/json'])
          return `no JSON response ${code} in spec`;
        const ref = `qdrant#/${base}/responses/${key}/content/application~1json/schema`;
        return this.#errors(this.#validator(this.#response, `${base}:${key}`, { $ref: ref }), body);
      },
    };
  }
}
