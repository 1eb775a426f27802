// Writes src/web/lib/api.types.ts: the web client's types, generated from openapi.json by
// openapi-typescript, so a renamed route or field fails `npm run typecheck`. `npm run openapi`
// regenerates both files; `npm run check:openapi` fails when either drifted.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS from 'openapi-typescript';

export const apiTypesTarget = path.resolve(import.meta.dirname, '..', 'src', 'web', 'lib', 'api.types.ts');

export async function renderApiTypes(openApiDocument: string): Promise<string> {
  // The generator's helper types use `any`: biome.json leaves the generated file out of lint.
  return openapiTS(JSON.parse(openApiDocument));
}

async function main(): Promise<void> {
  const document = readFileSync(path.resolve(import.meta.dirname, '..', 'openapi.json'), 'utf8');
  writeFileSync(apiTypesTarget, await renderApiTypes(document));
  console.log(`wrote ${path.relative(process.cwd(), apiTypesTarget)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
