"""Headless Chromium (Debian's package) driven by Playwright, for browser journeys."""

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # The machine has no internet: without these Chromium keeps trying.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path():
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if not Path(executable).exists():
        message = f"headless Chromium not found at {executable} (apt install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; the ORM calls
    # the tests make around it are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    serialized = _serialized_contents()
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS
        )
        _restore_serialized_contents(serialized)
        yield instance
        instance.close()


def _serialized_contents():
    from django.db import connections

    return {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }


def _restore_serialized_contents(serialized):
    """Hand the test databases' serialized data to the connections seen from now on.

    Between calls Playwright marks its event loop as running in this thread, so
    Django's connection handler (a thread-critical asgiref Local) switches to
    its async-context storage and opens new connection objects. Without the
    data the test runner stored on the old ones, every later
    ``serialized_rollback`` test would start from an empty database.
    """
    from django.db import connections

    for alias, contents in serialized.items():
        connections[alias]._test_serialized_contents = contents


@contextmanager
def browser_context(browser, base_url, **options):
    """A browser context that fails the test on any Content-Security-Policy
    violation: every journey checks that the policy lets the page work, and
    that no page of ours carries code the policy refuses."""
    options.setdefault("viewport", {"width": 1280, "height": 900})
    context = browser.new_context(base_url=base_url, **options)
    context.set_default_timeout(15_000)
    violations = []
    context.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            and violations.append(message.text)
        ),
    )
    try:
        yield context
    finally:
        context.close()
    assert not violations, violations


@pytest.fixture
def page(browser, live_server):
    with browser_context(browser, live_server.url) as context:
        yield context.new_page()


def log_in(page, username, password="correct horse battery staple"):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)


def open_section(page, title):
    """Unfold the fact-check form's section titled ``title``, if folded."""
    section = page.locator(
        "details.form-section", has=page.get_by_role("heading", name=title, exact=True)
    )
    if section.get_attribute("open") is None:
        section.locator(":scope > summary").click()
