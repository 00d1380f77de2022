#!/usr/bin/env bash
# Finds a Chromium for the end-to-end tests and prints its path (empty for Playwright's own).
# Order: $CHROMIUM_PATH; Debian's /usr/bin/chromium; Playwright's own browser if installed. If
# none: as root with apt-get, install Debian's `chromium` package (saying so); otherwise ask
# Playwright to download its own. Only when neither works does it stop, saying what to install.
set -euo pipefail

say() { echo "[chromium] $*" >&2; }

if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then echo "$CHROMIUM_PATH"; exit 0; fi
for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -x "$candidate" ]; then echo "$candidate"; exit 0; fi
done
if ls "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium-* >/dev/null 2>&1; then echo ""; exit 0; fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  say "No Chromium found: installing Debian's 'chromium' package with apt-get (needs a minute)."
  if (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >&2; then
    if [ -x /usr/bin/chromium ]; then echo /usr/bin/chromium; exit 0; fi
  fi
  say "apt-get could not install chromium."
fi

say "No Chromium found: asking Playwright to download its own (npx playwright install chromium)."
if npx --no-install playwright install chromium >&2; then echo ""; exit 0; fi

say "Could not find or install a Chromium for the end-to-end tests."
say "Install one, then run the tests again:"
say "  Debian/Ubuntu: sudo apt-get install chromium   (or set CHROMIUM_PATH=/path/to/chromium)"
say "  elsewhere:     npx playwright install chromium"
exit 1
