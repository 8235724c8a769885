#!/usr/bin/env bash
# Install Debian's chromium for the browser tests when it is missing (never a Playwright
# browser download). Without it the browser tests skip.
set -u
[ -x /usr/bin/chromium ] && exit 0
{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1 || true
[ -x /usr/bin/chromium ] && echo "chromium installed" || echo "chromium not available: browser tests skip"
