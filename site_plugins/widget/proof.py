# Proof that MicroPython runs from the site's own files: write the interpreter's version
# into the page. Safe to run more than once.
import sys
from pyscript import document

document.getElementById("mpy-proof").textContent = (
    "MicroPython %s is running in your browser, loaded from this site."
    % ".".join(str(part) for part in sys.implementation.version[:3]))
