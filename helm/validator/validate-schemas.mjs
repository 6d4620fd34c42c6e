// The first half of the chart's offline schema check: every object in the given YAML files is checked
// against the Kubernetes API's JSON Schemas as the kubernetes-models package ships them (the upstream
// OpenAPI document of Kubernetes 1.33 compiled with ajv): types, required fields, enumerations and
// formats. Those schemas allow unknown properties, so UnknownFields.java checks field names; this script
// writes the objects it read as JSON arrays for it.
//
// usage: node validate-schemas.mjs --json-out DIR FILE.yaml...
// Prints one line per rejected object and exits 1 if there was any (2 on bad usage).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parseAllDocuments } from "yaml";

const args = process.argv.slice(2);
if (args[0] !== "--json-out" || args.length < 3) {
  console.error("usage: node validate-schemas.mjs --json-out DIR FILE.yaml...");
  process.exit(2);
}
const outDir = args[1];
const files = args.slice(2);
mkdirSync(outDir, { recursive: true });

// "apps/v1" -> kubernetes-models/apps/v1, "v1" -> kubernetes-models/v1.
async function modelFor(apiVersion, kind) {
  if (typeof apiVersion !== "string" || typeof kind !== "string" || !/^[a-z0-9.\-/]+$/.test(apiVersion)) {
    return null;
  }
  try {
    const module = await import(`kubernetes-models/${apiVersion}`);
    return typeof module[kind] === "function" ? module[kind] : null;
  } catch {
    return null;
  }
}

let objects = 0;
let rejected = 0;
for (const file of files) {
  const docs = [];
  // YAML 1.1, as Kubernetes reads manifests: an unquoted `on` or `yes` is a boolean, not a string.
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"), { version: "1.1", uniqueKeys: true })) {
    if (doc.errors.length > 0) {
      rejected++;
      console.log(`${file}: YAML: ${doc.errors.map((e) => e.message).join("; ")}`);
      continue;
    }
    // A JSON round trip turns YAML timestamps into the strings Kubernetes would see.
    const obj = JSON.parse(JSON.stringify(doc.toJS() ?? null));
    if (obj === null) {
      continue; // an empty document, such as a template that rendered nothing
    }
    objects++;
    docs.push(obj);
    const name = `${obj.kind}/${obj.metadata?.name}`;
    const Model = await modelFor(obj.apiVersion, obj.kind);
    if (Model === null) {
      rejected++;
      console.log(`${file}: ${name}: no schema for apiVersion ${obj.apiVersion} kind ${obj.kind}`);
      continue;
    }
    try {
      new Model(obj).validate();
    } catch (e) {
      rejected++;
      console.log(`${file}: ${name}: ${e.message}`);
    }
  }
  writeFileSync(join(outDir, `${basename(file)}.json`), JSON.stringify(docs));
}
console.log(`schema check: ${objects} objects in ${files.length} files, ${rejected} rejected`);
process.exit(rejected === 0 ? 0 : 1);
