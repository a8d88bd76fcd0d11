"""Full-text search over published fact-checks.

On PostgreSQL each published article's words are stored in a narrow,
GIN-indexed table of their own (``SearchEntry``) and queries are read
the way people type them into search boxes (``websearch_to_tsquery``); other
databases fall back to substring matching so search still works on a laptop.
"""

import html
import re
import string
import unicodedata

from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import (
    Case,
    Exists,
    F,
    Func,
    OuterRef,
    Q,
    TextField,
    Value,
    When,
)
from django.forms.utils import flatatt
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .models import SEARCH_CONFIG, Claim, FactCheck, Rating, SearchEntry, Topic
from .pagination import MAX_PAGE

#: Results a page, as search engines show: each gets a snippet cut from its
#: text, which only the page's rows are read for.
PER_PAGE = 10
#: How many of the newest matches are ranked: every page a reader can reach.
RANKED = MAX_PAGE * PER_PAGE
#: Longer queries are cut to this many characters: nobody types more, and a
#: pasted essay must not become a slow query.
MAX_QUERY_LENGTH = 200
#: Private-use characters mark highlights in snippets; everything between them
#: is escaped before they become <mark> tags (see ``highlight``).
MARK_START, MARK_STOP = "\ue000", "\ue001"
SNIPPET_CHARS = 280


def clean_query(text):
    """Whitespace collapsed, control characters dropped, capped at MAX_QUERY_LENGTH.

    PostgreSQL refuses NUL in a string, so it must never reach a query.
    """
    printable = "".join(
        char for char in text if char.isspace() or unicodedata.category(char) != "Cc"
    )
    return " ".join(printable.split())[:MAX_QUERY_LENGTH].strip()


def terms_of(text):
    """The words of a query, with surrounding punctuation removed."""
    words = (word.strip(string.punctuation + "“”‘’«»¿¡…") for word in text.split())
    return [word for word in words if word]


def search(queryset, text, criteria=None):
    """Fact-checks in ``queryset`` matching ``text``, best first.

    ``criteria`` are the search form's filters (``narrowing``). Each result
    then gets a ``snippet`` from ``attach_snippets``.
    """
    criteria = criteria or {}
    if connection.vendor == "postgresql":
        return _search_postgresql(queryset, text, criteria)
    return _search_substring(queryset.filter(*narrowing(criteria, "pk")), text)


def narrowing(criteria, ref):
    """The conditions of the form's filters in ``criteria``, on a model whose
    ``ref`` column names the fact-check: they apply to the articles and to
    their search entries alike."""
    conditions = []
    if "rating" in criteria:
        conditions.append(
            Exists(
                Claim.objects.filter(
                    factcheck=OuterRef(ref), verdict__rating=criteria["rating"]
                )
            )
        )
    if "topic" in criteria:
        topics = FactCheck.topics.through.objects
        conditions.append(
            Exists(topics.filter(factcheck=OuterRef(ref), topic=criteria["topic"]))
        )
    if "since" in criteria:
        conditions.append(Q(first_published_at__date__gte=criteria["since"]))
    if "until" in criteria:
        conditions.append(Q(first_published_at__date__lte=criteria["until"]))
    return conditions


def _search_postgresql(queryset, text, criteria):
    query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
    # The newest matches are ranked: a word in a fifth of 100,000 articles
    # would otherwise mean ranking 20,000 of them on every search. They are
    # found in the search entries alone, which hold the date.
    newest = (
        SearchEntry.objects.live()
        .filter(*narrowing(criteria, "factcheck_id"), vector=query)
        .order_by("-first_published_at", "-factcheck_id")
        .values("factcheck_id")[:RANKED]
    )
    return (
        queryset.filter(pk__in=newest)
        # The cards come prepared; the page's snippets are cut from its
        # rows' text (``attach_snippets``), read with them.
        .only("pk", "standfirst", "body")
        .annotate(
            rank=SearchRank(F("search_entry__vector"), query),
            stems=Func(query, function="querytree", output_field=TextField()),
        )
        .order_by("-rank", F("first_published_at").desc(nulls_last=True))
    )


def _search_substring(queryset, text):
    """Every word somewhere in the article; headline and claim matches first."""
    terms = terms_of(text)
    if not terms:
        return queryset.none()
    in_claims = [
        Exists(Claim.objects.filter(factcheck=OuterRef("pk"), statement__icontains=t))
        for t in terms
    ]
    for term, claim_match in zip(terms, in_claims, strict=True):
        queryset = queryset.filter(
            Q(headline__icontains=term)
            | claim_match
            | Q(standfirst__icontains=term)
            | Q(body__icontains=term)
        )
    title_match = Q(headline__icontains=terms[0]) | in_claims[0]
    return queryset.annotate(
        rank=Case(
            When(title_match, then=Value(2)),
            When(standfirst__icontains=terms[0], then=Value(1)),
            default=Value(0),
        )
    ).order_by("-rank", F("first_published_at").desc(nulls_last=True))


#: A tag of the sanitised body (``fields.RichTextField``: no comments, no
#: script); what is left is escaped again when highlighted.
_TAG = re.compile(r"<[^>]*>")


def _plain_text(html_text):
    # Tags become spaces, so "end.</p><p>Next" does not run together.
    return " ".join(html.unescape(_TAG.sub(" ", html_text)).split())


def snippet_around(text, pattern):
    """About SNIPPET_CHARS of ``text`` around the first match of ``pattern``, matches marked."""
    found = pattern.search(text)
    start = 0 if found is None else max(0, found.start() - SNIPPET_CHARS // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    excerpt = text[start : start + SNIPPET_CHARS]
    if start + SNIPPET_CHARS < len(text):
        excerpt = excerpt.rsplit(" ", 1)[0] + " …"
    if start:
        excerpt = "… " + excerpt
    return pattern.sub(lambda m: MARK_START + m.group(0) + MARK_STOP, excerpt)


def _words_typed(terms):
    """The words as typed, found anywhere (the substring search's own matches)."""
    return re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)


def _words_stemmed(querytree):
    """Words starting with a stem of PostgreSQL's query (``querytree``):
    "inflat" marks "inflation" and "inflationary". A stem ending in "i" may
    be a "y" in the text ("studi": "study", "studies")."""
    stems = re.findall(r"'((?:[^']|'')+)'", querytree)
    if not stems:
        return None
    words = (
        re.escape(stem.replace("''", "'")).removesuffix("i") + "[iy]"
        if stem.endswith("i")
        else re.escape(stem.replace("''", "'"))
        for stem in stems
    )
    return re.compile(rf"\b(?:{'|'.join(words)})\w*", re.IGNORECASE)


def attach_snippets(factchecks, text):
    """Give each fact-check of a result page a ``snippet`` to pass to ``highlight``.

    Cut from its standfirst and body around the first match: on PostgreSQL,
    of the query's stems, which ``search`` reads with the page's rows
    (PostgreSQL's own snippets, ts_headline, parse each article again: 0.6
    ms each, half of a rare word's search); elsewhere of the words typed. A
    page of filtered results without a query shows the standfirsts.
    """
    terms = terms_of(text)
    if not terms or not factchecks:
        for factcheck in factchecks:
            factcheck.snippet = factcheck.standfirst
        return factchecks
    if connection.vendor == "postgresql":
        pattern = _words_stemmed(factchecks[0].stems)
    else:
        pattern = _words_typed(terms)
    for factcheck in factchecks:
        plain = f"{factcheck.standfirst} {_plain_text(factcheck.body)}".strip()
        factcheck.snippet = (
            snippet_around(plain, pattern) if pattern else plain[:SNIPPET_CHARS]
        )
    return factchecks


def highlight(snippet):
    """Safe HTML of a snippet: all text escaped, the marked matches in <mark>."""
    parts = re.split(f"({MARK_START}|{MARK_STOP})", snippet)
    output, open_mark = [], False
    for part in parts:
        if part == MARK_START and not open_mark:
            output.append("<mark>")
            open_mark = True
        elif part == MARK_STOP and open_mark:
            output.append("</mark>")
            open_mark = False
        elif part not in (MARK_START, MARK_STOP):
            output.append(escape(part))
    if open_mark:
        output.append("</mark>")
    return mark_safe("".join(output))


class PlainSelect(forms.Select):
    """A ``<select>`` written in Python, with the same markup as Django's.

    Django renders each option through a template of its own and builds a
    dictionary of attributes for it: 5 ms for the search form's rating and
    topic options, on every search page, uncached by nature; this takes a
    twentieth of that. (Only what the search form uses: no groups, no
    multiple choice.)
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        options = "".join(
            '<option value="{}"{}>{}</option>'.format(
                html.escape(str(key)),
                " selected" if str(key) in chosen else "",
                html.escape(str(label)),
            )
            for key, label in self.choices
        )
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            mark_safe(options),  # escaped above
        )


class PlainDateInput(forms.DateInput):
    """A date ``<input>`` written in Python, like ``PlainSelect``, with the
    same markup as Django's template writes."""

    input_type = "date"

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        value = widget["value"]
        return format_html(
            '<input type="{}" name="{}"{}{}>',
            widget["type"],
            widget["name"],
            format_html(' value="{}"', value) if value is not None else "",
            flatatt(widget["attrs"]),
        )


class ListedChoices(forms.models.ModelChoiceIterator):
    """A menu's records read in one ordinary query.

    Django's iterator reads them through ``QuerySet.iterator()``: on
    PostgreSQL a server-side cursor, four round trips for a few dozen
    ratings or topics, on every search page.
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for record in self.queryset.all():
            yield self.choice(record)


class ListedChoiceField(forms.ModelChoiceField):
    iterator = ListedChoices


class SearchForm(forms.Form):
    """The reader's search: words, narrowed by rating, topic and date range."""

    q = forms.CharField(label=_("Search for"), required=False)
    rating = ListedChoiceField(
        Rating.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Rating"),
        empty_label=_("Any rating"),
        widget=PlainSelect,
    )
    topic = ListedChoiceField(
        Topic.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Topic"),
        empty_label=_("Any topic"),
        widget=PlainSelect,
    )
    since = forms.DateField(label=_("From"), required=False, widget=PlainDateInput)
    until = forms.DateField(label=_("To"), required=False, widget=PlainDateInput)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_q(self):
        return clean_query(self.cleaned_data["q"])

    def clean_until(self):
        since, until = self.cleaned_data.get("since"), self.cleaned_data["until"]
        if since and until and until < since:
            raise forms.ValidationError(
                _("This is before the “From” date: nothing could match both.")
            )
        return until

    def criteria(self):
        """The filled-in parts of the search that are valid, by field name.

        A bad filter value (a mistyped date, a rating renamed since the link
        was shared) is an error shown by its field; the rest of the search
        still runs rather than being thrown away with it.
        """
        if not self.is_bound:
            return {}
        self.is_valid()  # Cleans once; cleaned_data keeps only the valid fields.
        return {name: value for name, value in self.cleaned_data.items() if value}

    def has_criteria(self):
        return bool(self.criteria())

    def results(self, queryset):
        """``queryset`` narrowed by the valid filters and the query; ``none()`` without."""
        data = self.criteria()
        if not data:
            return queryset.none()
        if "q" in data:
            return search(queryset, data["q"], data)
        return queryset.filter(*narrowing(data, "pk"))
