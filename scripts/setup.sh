#!/usr/bin/env bash
# Set up typeset on Debian/Ubuntu: system packages (fonts, Poppler, qpdf, Ghostscript, Java
# EPUBCheck, ICU, Python venv), then .venv with the package and its test dependencies.
#
#   bash scripts/setup.sh
#
# Safe to run again: packages already installed and an up-to-date .venv are left alone.
# Runs as root (CI, containers) or through sudo; never asks questions.
set -euo pipefail

cd "$(dirname "$0")/.."

APT_PACKAGES=(
  fonts-noto-cjk fonts-noto-cjk-extra fonts-droid-fallback fontconfig  # the default fonts
  poppler-utils qpdf ghostscript                                       # look at / check PDFs
  epubcheck default-jre-headless                                       # check EPUBs
  chromium                                                             # HTML edition's tests
  python3 python3-venv python3-pip make
  libicu-dev pkg-config g++ python3-dev                               # PyICU builds against ICU
)

say() { printf 'setup: %s\n' "$*"; }

sudo_if_needed() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_system_packages() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    # dpkg-query prints "install ok installed" only for a fully installed package.
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed"; then
      missing+=("$pkg")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "system packages already installed"
    return
  fi
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  sudo_if_needed apt-get update -qq
  sudo_if_needed apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The checker's dependencies (../shared/tools) go into the same venv when it is beside us.
REQUIREMENTS=()
if [ -f ../shared/tools/requirements.txt ]; then
  REQUIREMENTS=(-r ../shared/tools/requirements.txt)
fi

# A stamp of what was installed, so a second run skips pip when nothing changed.
setup_stamp() {
  cat pyproject.toml "${REQUIREMENTS[@]:+../shared/tools/requirements.txt}" | sha256sum | cut -d' ' -f1
}

install_python_packages() {
  if ! .venv/bin/python -c "import sys" 2>/dev/null; then
    say "creating .venv"
    rm -rf .venv
    python3 -m venv .venv
  fi
  local stamp
  stamp="$(setup_stamp)"
  if [ -f .venv/.typeset-setup ] && [ "$(cat .venv/.typeset-setup)" = "$stamp" ] \
      && .venv/bin/python -c "import typeset" 2>/dev/null; then
    say ".venv already up to date"
    return
  fi
  say "installing typeset and its test dependencies into .venv (log: .venv/setup-pip.log)"
  # pip and the build backend are chatty even with -q: keep their output for a failure.
  if ! .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]' \
      "${REQUIREMENTS[@]}" >.venv/setup-pip.log 2>&1; then
    cat .venv/setup-pip.log >&2
    say "pip install failed"
    exit 1
  fi
  # An editable install leaves the package's bytecode to the first run; a wheel install
  # compiles it. Compile it here so a run does not (where PYTHONDONTWRITEBYTECODE is set,
  # every run would otherwise compile the whole package again).
  .venv/bin/python -m compileall -q typeset >/dev/null
  printf '%s\n' "$stamp" > .venv/.typeset-setup
}

install_system_packages
install_python_packages
say "done: the program is .venv/bin/typeset (or .venv/bin/typeset-news, .venv/bin/python -m typeset)"
