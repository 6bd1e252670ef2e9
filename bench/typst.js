// bench/typst.js: compiles one .typ file to PDF with Typst through the
// @myriaddreamin/typst-ts-node-compiler package (issue 20's comparison; bench/typst installs it).
// usage: MKBRIEF_TYPST_DIR=DIR node bench/typst.js FONTDIR IN.typ OUT.pdf
"use strict";
const fs = require("fs");
const path = require("path");
const { createRequire } = require("module");
const [fontDir, input, output] = process.argv.slice(2);
if (!output || !process.env.MKBRIEF_TYPST_DIR) {
	console.error("usage: MKBRIEF_TYPST_DIR=DIR node bench/typst.js FONTDIR IN.typ OUT.pdf");
	process.exit(2);
}
const req = createRequire(path.join(process.env.MKBRIEF_TYPST_DIR, "package.json"));
const { NodeCompiler } = req("@myriaddreamin/typst-ts-node-compiler");
const compiler = NodeCompiler.create({
	workspace: path.dirname(path.resolve(input)),
	fontArgs: [{ fontPaths: [path.resolve(fontDir)] }],
});
const result = compiler.compile({ mainFilePath: path.resolve(input) });
const doc = result.result;
if (!doc) {
	console.error(JSON.stringify(result.takeDiagnostics ? result.takeDiagnostics() : result, null, 1));
	process.exit(1);
}
fs.writeFileSync(output, compiler.pdf(doc));
if (process.env.TYPST_STATS)
	console.error("typst: pages " + doc.numOfPages);
