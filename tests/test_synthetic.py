"""``generate_factchecks``: realistic synthetic fact-checks, valid and published."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from factcheck import gate, search, synthetic
from factcheck.models import FactCheck

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated():
    call_command("generate_factchecks", "60", verbosity=0)
    return FactCheck.objects.published()


def test_every_synthetic_article_passes_the_publish_gate(generated):
    assert generated.count() == 60
    for factcheck in generated:
        report = gate.check_saved(factcheck)
        assert report.passed, (factcheck.slug, report.problems)


def test_they_have_every_part_readers_see(generated):
    factcheck = generated.with_article_parts().first()
    assert factcheck.bylines.all() and factcheck.editor and factcheck.topics.all()
    for claim in factcheck.claims.all():
        assert claim.claimant and claim.verdict.rating and claim.first_appearance
    assert len(factcheck.sources.all()) >= 2
    assert factcheck.created_at < factcheck.first_published_at


def test_the_reader_pages_show_them(client, generated):
    factcheck = generated.first()
    assert factcheck.headline in client.get(reverse("factcheck:home")).content.decode()
    page = client.get(factcheck.get_absolute_url())
    assert page.status_code == 200
    assert factcheck.claims.first().statement in page.content.decode()


def test_the_same_seed_gives_the_same_words():
    synthetic.generate(5, seed=7)
    first = list(FactCheck.objects.order_by("pk").values_list("body", flat=True))
    FactCheck.objects.all().delete()
    synthetic.generate(5, seed=7)
    assert (
        list(FactCheck.objects.order_by("pk").values_list("body", flat=True)) == first
    )


def test_the_common_word_is_searchable(client):
    synthetic.generate(200, seed=1)
    with_word = FactCheck.objects.filter(body__icontains=synthetic.COMMON_WORD).count()
    assert 20 <= with_word <= 60  # about a fifth
    results = search.search(FactCheck.objects.published(), synthetic.COMMON_WORD)
    assert results.count() == with_word


def test_a_count_below_one_is_refused():
    with pytest.raises(CommandError, match="at least 1"):
        call_command("generate_factchecks", "0")
    assert not FactCheck.objects.exists()
