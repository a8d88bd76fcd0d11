"""Take the README's screenshots from a running demo site (`make run`).

    .venv/bin/python docs/screenshots.py [http://127.0.0.1:8000]

Uses Debian's Chromium through Playwright, like the browser tests.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.browser import CHROMIUM_ARGS, chromium_path  # noqa: E402

OUT = Path(__file__).resolve().parent / "screenshots"
ARTICLE = "/fact-checks/ketamine-depression-treatment-resistant/"
DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 390, "height": 844}


def log_in(page, username):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", username)  # demo accounts: password = username
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def main(base_url):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS
        )

        def shot(name, path, viewport=DESKTOP, user=None, then=None):
            context = browser.new_context(base_url=base_url, viewport=viewport)
            page = context.new_page()
            if user:
                log_in(page, user)
            page.goto(path)
            if then:
                then(page)
            page.screenshot(path=OUT / f"{name}.png")
            context.close()

        def open_first_in_review(page):
            page.locator("#waiting-for-review a").first.click()
            page.wait_for_load_state()

        def open_the_tip_already_checked(page):
            page.get_by_role("link", name="Forwarded in my family group").click()
            page.wait_for_load_state()

        def fail_a_save(page):
            page.fill("#id_headline", "Do wind turbines cause headaches?")
            page.fill("#id_claims-0-statement", "Wind turbines cause headaches")
            page.fill("#id_claims-0-seen_url", "a video on a messaging app")
            page.locator("input[name=_continue]").click()
            page.wait_for_load_state()

        shot("home", "/")
        shot("article", ARTICLE)
        shot("article-phone", ARTICLE, viewport=PHONE)
        shot("admin-dashboard", "/admin/", user="editor")
        shot("admin-review", "/admin/", user="editor", then=open_first_in_review)
        shot(
            "admin-inbox",
            "/admin/factcheck/readermessage/",
            user="editor",
            then=open_the_tip_already_checked,
        )
        shot(
            "admin-form-errors",
            "/admin/factcheck/factcheck/add/",
            viewport={"width": 1280, "height": 1600},
            user="journalist",
            then=fail_a_save,
        )
        shot("claimant", "/claimants/delia-marchbank/")
        shot("corrections-log", "/corrections/")
        shot("admin-readiness", "/admin/readiness/?print", user="editor")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
