"""A reader's journey through the public site in headless Chromium, wide and narrow."""

import pytest
from django.core.management import call_command

from tests.browser import browser_context, screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)
    settings.DEBUG = False


#: Text on the page as rendered, foreground against the nearest opaque background.
CONTRAST = """selectors => {
  const rgb = colour => colour.match(/[\\d.]+/g).map(Number);
  const channel = v => (v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  const luminance = ([r, g, b]) =>
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const background = element => {
    for (; element; element = element.parentElement) {
      const colour = rgb(getComputedStyle(element).backgroundColor);
      if (colour.length < 4 || colour[3] > 0) return colour;
    }
    return [255, 255, 255];
  };
  return selectors.flatMap(selector =>
    [...document.querySelectorAll(selector)].map(element => {
      const [light, dark] = [
        luminance(rgb(getComputedStyle(element).color)),
        luminance(background(element)),
      ].sort((a, b) => b - a);
      return [selector, (light + 0.05) / (dark + 0.05)];
    })
  );
}"""
TEXT = [
    ".primary-nav a",
    ".kicker",
    ".standfirst",
    ".byline",
    ".dateline",
    ".in-short li",
    ".claim-box__label",
    ".claim-box__facts dt",
    ".claim-box__role",
    ".claim-box__summary",
    ".verdict-badge",
    ".prose p",
    ".expert-quote__how",
    ".source__meta",
    ".tag",
    ".card__meta",
    ".card__claimant",
    ".verdict-strip__claim",
    ".site-footer p",
    ".site-footer a",
]


def journey(page, name):
    """Home, an article, its topic, then a search; checks and screenshots each."""
    page.goto("/")
    assert page.locator("h1").inner_text() == "Latest fact-checks"
    screenshot(page, f"reader-{name}-1-home")

    page.get_by_role("link", name="Ketamine can ease depression").first.click()
    page.wait_for_url("**/fact-checks/ketamine-depression-treatment-resistant/")
    assert page.locator(".claim-box .verdict-badge").inner_text() == "MOSTLY TRUE"
    # The verdict first: the claim and its badge on the first screen, phone or not.
    first_screen = page.viewport_size["height"]
    for part in (".verdict-strip .verdict-badge", ".verdict-strip__claim"):
        box = page.locator(part).first.bounding_box()
        assert box["y"] + box["height"] <= first_screen, (part, box)
    assert page.locator(".verdict-strip .verdict-badge").first.inner_text() == (
        "MOSTLY TRUE"
    )
    # A link in a line of text is told apart by more than its colour.
    kicker_link = page.locator(".kicker a").first
    assert kicker_link.evaluate("e => getComputedStyle(e).textDecorationLine") == (
        "underline"
    )
    assert page.locator("script[type='application/ld+json']").count() == 2
    for selector, ratio in page.evaluate(CONTRAST, TEXT):
        assert ratio >= 4.5, (selector, ratio)
    screenshot(page, f"reader-{name}-2-article")

    page.locator(".kicker").get_by_role("link", name="Health").click()
    page.wait_for_url("**/topics/health/")
    assert page.locator("h1").inner_text() == "Health"
    screenshot(page, f"reader-{name}-3-topic")

    page.get_by_role("searchbox", name="Search fact-checks").fill("hot water viruses")
    page.get_by_role("searchbox", name="Search fact-checks").press("Enter")
    page.wait_for_url("**/search/?q=hot+water+viruses")
    assert page.locator(".card").count() >= 1
    assert page.locator(".card mark").count() >= 1
    screenshot(page, f"reader-{name}-4-search")

    for path in ["/", "/fact-checks/ketamine-depression-treatment-resistant/"]:
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= page.evaluate(
            "window.innerWidth"
        ), path


def test_a_reader_finds_reads_and_searches_on_a_desktop(page, demo):
    journey(page, "desktop")


def test_a_reader_on_a_360px_phone_without_javascript(browser, live_server, demo):
    with browser_context(
        browser,
        live_server.url,
        viewport={"width": 360, "height": 780},
        java_script_enabled=False,
    ) as context:
        journey(context.new_page(), "mobile")


def test_a_reader_reports_an_error_from_the_article(page, demo):
    from factcheck.models import ReaderMessage

    page.goto("/fact-checks/ketamine-depression-treatment-resistant/")
    page.get_by_role("link", name="Spotted an error? Tell us").click()
    page.get_by_label("What is wrong?").fill("The FDA approval year is wrong.")
    screenshot(page, "reader-report-error")
    page.get_by_role("button", name="Send the report").click()
    page.wait_for_url("**/thanks/")
    assert "your message reached the desk" in page.locator("h1").inner_text()
    message = ReaderMessage.objects.get(kind=ReaderMessage.Kind.ERROR)
    assert message.factcheck.slug == "ketamine-depression-treatment-resistant"
    assert message.message == "The FDA approval year is wrong."


#: Where each part of the embed card ends, relative to the frame's top.
EMBED_BOTTOMS = """() => {
  const bottoms = selector => [...document.querySelectorAll(selector)]
    .map(element => element.getBoundingClientRect().bottom);
  return {
    claim: bottoms(".embed-card__claim"),
    badges: bottoms(".verdict-badge"),
    link: bottoms(".embed-card__link a"),
    scrollWidth: document.documentElement.scrollWidth,
  };
}"""


def test_the_embed_fits_its_frame_wide_and_narrow(browser, live_server, demo):
    """Claim, every verdict and the link stay inside 560x340 and 320x340 frames."""
    from factcheck.models import FactCheck
    from tests.factories import make_published

    long_claim = make_published(claims=1, headline="A long claim")
    long_claim.claims.update(
        statement="Drinking a glass of hot lemon water every morning on an empty "
        "stomach flushes toxins from the liver, cures type 2 diabetes within three "
        "weeks, melts belly fat overnight and makes vaccines unnecessary, according "
        "to a video shared more than two million times on Facebook and WhatsApp "
        "since January, and by several accounts on X"
    )
    slugs = list(FactCheck.objects.published().values_list("slug", flat=True))
    assert len(slugs) >= 6

    for width in (560, 320):
        with browser_context(
            browser, live_server.url, viewport={"width": width, "height": 340}
        ) as context:
            page = context.new_page()
            for slug in slugs:
                page.goto(f"/fact-checks/{slug}/embed/")
                parts = page.evaluate(EMBED_BOTTOMS)
                claims = FactCheck.objects.get(slug=slug).claims.count()
                assert len(parts["badges"]) == min(claims, 3), slug
                assert parts["claim"] and parts["link"], slug
                for bottom in parts["claim"] + parts["badges"] + parts["link"]:
                    assert bottom <= 340, (width, slug, parts)
                assert parts["scrollWidth"] <= width, (width, slug)
                screenshot(page, f"embed-{width}-{slug}")


#: What the reader pages must pass: axe-core's rules, no serious or critical
#: violation (axe-core comes with axe-playwright-python, from PyPI).
AXE_BLOCKING = {"serious", "critical"}


def axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page).response
    return [
        (
            violation["id"],
            violation["impact"],
            [n["target"] for n in violation["nodes"]],
        )
        for violation in results["violations"]
        if violation["impact"] in AXE_BLOCKING
    ]


def test_reader_pages_pass_axe_on_a_360px_phone(browser, live_server, demo):
    with browser_context(
        browser, live_server.url, viewport={"width": 360, "height": 780}
    ) as context:
        page = context.new_page()
        article = "/fact-checks/ketamine-depression-treatment-resistant/"
        for path in [
            "/",
            article,
            "/search/?q=hot+water",
            f"{article}embed/",
            "/suggest-a-claim/",
        ]:
            page.goto(path)
            assert axe_violations(page) == [], path
        page.goto(article)
        badge = page.locator(".verdict-strip .verdict-badge").first.bounding_box()
        assert badge["y"] + badge["height"] <= 780
