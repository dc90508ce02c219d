#!/usr/bin/env python3
"""The live preview's benchmark (issue 19): `helhed serve` on a copy of the
example, a status text and then a figure saved again and again; for each save
the time from the save to the refreshed preview (the page is published before
`serve` prints its line) and serve's own build time, and the appendix's time
after it.

    cargo build --release && python3 benches/forhaandsvisning.py [GANGE]
"""
import pathlib
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "helhed"


def main(times: int) -> None:
    work = pathlib.Path(tempfile.mkdtemp(prefix="helhed-forhaandsvisning-"))
    try:
        shutil.copytree(ROOT / "data", work / "data")
        serve = subprocess.Popen([str(BIN), "serve", "--port", "0"], cwd=work, stdout=subprocess.PIPE, text=True)
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=lambda: [lines.put(l.strip()) for l in serve.stdout], daemon=True).start()
        print(lines.get(timeout=120))

        def wait(prefix: str) -> str:
            while True:
                line = lines.get(timeout=30)
                if line.startswith(prefix):
                    return line

        def ms(line: str) -> int:
            return int(re.search(r"på (\d+) ms", line).group(1))

        def save(path: pathlib.Path, old: str, new: str) -> float:
            text = path.read_text(encoding="utf-8")
            assert old in text, (path, old)
            at = time.monotonic()
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
            return at

        edits = {
            "statustekst": (work / "data/status/2018-h2.yaml", "Aktiviteten har haft vanskeligheder",
                            "Aktiviteten har haft store vanskeligheder"),
            "et tal": (work / "data/motalavej/2018.yaml", "paasatte-brande: 7", "paasatte-brande: 8"),
        }
        for name, (path, a, b) in edits.items():
            refreshed, built, appendix = [], [], []
            for i in range(times):
                time.sleep(0.5)
                at = save(path, a, b) if i % 2 == 0 else save(path, b, a)
                line = wait("Bygget")
                refreshed.append(round((time.monotonic() - at) * 1000))
                built.append(ms(line))
                appendix.append(ms(wait("Bilaget er sat igen")))
            print(f"{name}: gemt → vist {sorted(refreshed)} ms; bygning {sorted(built)} ms; "
                  f"bilaget derefter {sorted(appendix)} ms")
        serve.terminate()
        serve.wait(timeout=10)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 8)
