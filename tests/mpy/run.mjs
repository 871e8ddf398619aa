// Run Python under the pinned MicroPython WebAssembly build (the one PyScript serves in
// the browser). Every file under WORKDIR is copied into MicroPython's file system at "/";
// then /driver.py runs there, and whatever it writes to /out.json is printed.
// Usage: node tests/mpy/run.mjs WORKDIR
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { loadMicroPython } from "@micropython/micropython-webassembly-pyscript/micropython.mjs";

const [workdir] = process.argv.slice(2);
let stderr = "";
const mp = await loadMicroPython({ heapsize: 64 * 1024 * 1024, stdout: () => {},
                                   stderr: (line) => { stderr += line + "\n"; } });

function copy(from, to) {
  for (const name of readdirSync(from)) {
    const source = join(from, name), target = to + name;
    if (statSync(source).isDirectory()) {
      mp.FS.mkdir(target);
      copy(source, target + "/");
    } else {
      mp.FS.writeFile(target, readFileSync(source));
    }
  }
}

copy(workdir, "/");
try {
  mp.runPython('import sys\nsys.path.append("/")\nexec(open("/driver.py").read())');
} catch (error) {
  process.stderr.write(stderr + String(error) + "\n");
  process.exit(1);
}
process.stdout.write(new TextDecoder().decode(mp.FS.readFile("/out.json")));
